# each table resubmits to the next one 16 times: 16^n resubmits, OVS stops at 4096
ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br0 p1 -- set Interface p1 type=dummy ofport_request=1
ovs-vsctl add-port br0 p2 -- set Interface p2 type=dummy ofport_request=2
ovs-ofctl add-flows br0 - <<'FLOWS'
table=0,in_port=1,actions=resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1),resubmit(,1)
table=1,actions=resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2),resubmit(,2)
table=2,actions=resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3),resubmit(,3)
table=3,actions=note:00
table=0,in_port=2,ip,actions=resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11),resubmit(,11)
table=11,actions=resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12),resubmit(,12)
table=12,actions=output:1
table=0,in_port=2,udp,priority=40000,actions=resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21),resubmit(,21)
table=21,actions=resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22),resubmit(,22)
table=22,actions=resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23),resubmit(,23)
table=23,actions=output:1
FLOWS
