ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure protocols=OpenFlow10,OpenFlow13,OpenFlow15
ovs-vsctl add-port br0 p1 -- set Interface p1 type=dummy ofport_request=1 -- add-port br0 p2 -- set Interface p2 type=dummy ofport_request=2
ovs-ofctl -O OpenFlow13 add-flows br0 - <<'FLOWS'
table=0,in_port=1,actions=write_metadata:0x10/0xff,goto_table:2
table=0,in_port=2,vlan_tci=0x1000/0x1000,actions=pop_vlan,goto_table:1
table=0,in_port=2,actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:1
table=1,priority=5,actions=output:1,write_actions(output:2)
table=2,metadata=0x10/0xff,dl_type=0x0800,actions=set_field:0x1234->reg3,goto_table:3
table=3,reg3=0x1234,actions=output:2
FLOWS
