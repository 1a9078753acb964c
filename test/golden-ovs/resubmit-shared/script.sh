# DragonFlow's bug: four resubmits in one flow share one packet; the first branch's rewrites leak
ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br0 p1 -- set Interface p1 type=dummy ofport_request=1
ovs-vsctl add-port br0 p2 -- set Interface p2 type=dummy ofport_request=2
ovs-vsctl add-port br0 p3 -- set Interface p3 type=dummy
ovs-vsctl add-port br0 p4 -- set Interface p4 type=dummy ofport_request=10
ovs-vsctl add-port br0 vm5 -- set Interface vm5 type=dummy
ovs-ofctl add-flows br0 - <<'FLOWS'
table=0,in_port=1,actions=resubmit(,1),resubmit(,2),resubmit(,3),resubmit(,4)
table=0,in_port=2,actions=resubmit(,2),resubmit(,1),resubmit(,2)
table=0,priority=10,actions=resubmit(,9)
table=1,actions=mod_dl_dst:00:00:00:00:00:02,load:0x5->NXM_NX_REG0[],output:2
table=2,reg0=0,actions=output:3
table=2,reg0=5,actions=mod_dl_src:00:00:00:00:00:05,output:10
table=3,dl_dst=00:00:00:00:00:02,actions=output:4
table=4,ip,nw_dst=10.0.0.0/8,actions=dec_ttl,output:3
table=4,priority=100,tcp,tp_dst=80,actions=set_field:10.9.9.9->ip_dst,output:10
FLOWS
