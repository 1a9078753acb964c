# resubmit with another in_port, to the current table, back to earlier tables, and registers across them
ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
for p in 1 2 3 4; do ovs-vsctl add-port br0 p$p -- set Interface p$p type=dummy ofport_request=$p; done
ovs-ofctl add-flows br0 - <<'FLOWS'
table=0,priority=100,in_port=1,actions=load:0x1->NXM_NX_REG0[],resubmit(2),output:IN_PORT
table=0,priority=100,in_port=2,reg0=0x1,actions=load:0x2->NXM_NX_REG1[],resubmit(,3)
table=0,priority=100,in_port=2,reg0=0,actions=output:4
table=0,priority=50,in_port=3,actions=move:NXM_OF_IN_PORT[]->NXM_NX_REG2[0..15],resubmit(4,1),output:2
table=1,in_port=4,actions=resubmit(,0)
table=0,priority=100,in_port=4,reg2=3,actions=load:0->NXM_NX_REG2[],resubmit(,1)
table=0,priority=100,in_port=4,reg2=0,actions=output:1
table=3,reg1=0x2,actions=mod_dl_dst:00:00:00:00:00:33,resubmit(,4)
table=4,dl_dst=00:00:00:00:00:33,actions=output:3,resubmit(1,4)
table=4,in_port=1,dl_dst=00:00:00:00:00:33,priority=40000,actions=output:4
FLOWS
