ovs-vsctl add-br br0 -- set bridge br0 datapath_type=dummy
ovs-vsctl add-port br0 p1 -- set interface p1 type=dummy ofport_request=1
ovs-vsctl add-port br0 p2 tag=10 -- set interface p2 type=dummy ofport_request=2
ovs-vsctl add-port br0 p3 -- set interface p3 type=dummy ofport_request=3
ovs-vsctl add-port br0 p4 tag=10 -- set interface p4 type=dummy ofport_request=4
ovs-vsctl add-port br0 p5 trunks=10,20 -- set interface p5 type=dummy ofport_request=5
