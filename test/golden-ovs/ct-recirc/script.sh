ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br0 p1 -- set Interface p1 type=dummy ofport_request=1
ovs-vsctl add-port br0 p2 -- set Interface p2 type=dummy ofport_request=2
ovs-ofctl add-flows br0 - <<'FLOWS'
table=0,priority=100,ip,ct_state=-trk,actions=ct(table=1,zone=5)
table=0,priority=50,ip6,actions=ct(commit,zone=7),output:2
table=1,ct_state=+trk+new,ip,actions=ct(commit,zone=5,exec(load:0x1->NXM_NX_CT_MARK[])),output:2
table=1,ct_state=+trk+est,ip,actions=output:2
table=1,ct_state=+trk+inv,ip,actions=drop
table=1,priority=10,tcp,ct_state=+trk+rel,actions=ct(table=2,zone=6,nat)
table=2,actions=ct_clear,output:1
table=0,priority=90,in_port=2,tcp,ct_state=-trk,actions=ct(commit,table=3,nat(dst=10.0.0.100:8080))
table=3,tcp,actions=output:1
FLOWS
