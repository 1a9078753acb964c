ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure protocols=OpenFlow10,OpenFlow13,OpenFlow15
for p in 1 2 3 4 5; do ovs-vsctl add-port br0 p$p -- set Interface p$p type=dummy ofport_request=$p; done
ovs-ofctl -O OpenFlow15 add-group br0 'group_id=1,type=all,bucket=bucket_id=0,actions=output:2,bucket=bucket_id=1,actions=output:3'
ovs-ofctl -O OpenFlow15 add-group br0 'group_id=2,type=select,selection_method=hash,fields(ip_src,ip_dst),bucket=bucket_id=0,weight:100,actions=output:4,bucket=bucket_id=1,weight:100,actions=output:5'
ovs-ofctl -O OpenFlow15 add-group br0 'group_id=3,type=indirect,bucket=actions=mod_dl_dst:00:00:00:00:00:03,output:3'
ovs-ofctl add-flows br0 - <<'FLOWS'
in_port=1,arp,actions=group:1
in_port=1,ip,actions=group:2
in_port=1,icmp,actions=group:3
in_port=2,actions=resubmit(,1)
table=1,priority=100,ip,nw_src=10.0.0.1,actions=conjunction(7,1/2)
table=1,priority=100,ip,nw_src=10.0.0.2,actions=conjunction(7,1/2)
table=1,priority=100,tcp,tp_dst=80,actions=conjunction(7,2/2)
table=1,priority=100,tcp,tp_dst=443,actions=conjunction(7,2/2)
table=1,priority=100,conj_id=7,ip,actions=output:3
table=1,priority=10,ip,actions=output:4
in_port=3,actions=learn(table=2,priority=50,NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),resubmit(,2)
table=2,priority=0,actions=drop
in_port=4,actions=CONTROLLER:64
in_port=5,actions=resubmit(,200)
FLOWS
