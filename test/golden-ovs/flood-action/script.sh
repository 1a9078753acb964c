# FLOOD and ALL output in the order of the bridge's port hash table, not in port order
ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy
for p in p9 p3 p7 a1 p5 zz p2; do ovs-vsctl add-port br0 $p -- set Interface $p type=dummy; done
ovs-vsctl add-port br0 q3 -- set Interface q3 type=dummy ofport_request=20
ovs-vsctl add-port br0 vx1 -- set Interface vx1 type=vxlan options:remote_ip=10.1.1.1 options:key=flow
ovs-vsctl add-port br0 vx2 -- set Interface vx2 type=vxlan options:remote_ip=10.1.1.2 options:key=flow
ovs-appctl dpif/set-dp-features br0 tnl_push_pop false
ovs-ofctl add-flow br0 priority=5,in_port=1,actions=FLOOD
ovs-ofctl add-flow br0 priority=5,in_port=2,actions=ALL
ovs-ofctl add-flow br0 priority=5,in_port=3,actions=set_field:0x7-\>tun_id,FLOOD,output:4
