# ofport numbers: ofport_request when free, else the next number after the last one handed out
ovs-vsctl add-br br0 -- set bridge br0 datapath_type=dummy fail-mode=secure other-config:hwaddr=aa:55:aa:55:00:99
ovs-vsctl add-port br0 a -- set Interface a type=dummy
ovs-vsctl add-port br0 b -- set Interface b type=dummy
ovs-vsctl add-port br0 c -- set Interface c type=dummy ofport_request=2 || true
ovs-vsctl add-port br0 d -- set Interface d type=dummy ofport_request=7
ovs-vsctl del-port br0 b
ovs-vsctl add-port br0 e -- set Interface e type=dummy
ovs-vsctl add-port br0 br5x -- set Interface br5x type=dummy
ovs-vsctl add-port br0 p100 -- set Interface p100 type=dummy
ovs-vsctl add-port br0 int0 -- set Interface int0 type=internal
ovs-vsctl --may-exist add-port br0 a
ovs-vsctl add-br br1 -- set bridge br1 datapath_type=dummy
ovs-vsctl add-port br1 q1 -- set Interface q1 type=dummy ofport_request=1
ovs-vsctl add-port br1 gnv0 -- set Interface gnv0 type=geneve options:remote_ip=192.168.1.2 options:key=5
ovs-vsctl add-port br1 gnv1 -- set Interface gnv1 type=geneve options:remote_ip=192.168.1.3 options:dst_port=6082
ovs-vsctl add-port br1 gre0 -- set Interface gre0 type=gre options:remote_ip=192.168.1.4
ovs-vsctl del-br br1
ovs-vsctl add-br br2 -- set bridge br2 datapath_type=dummy
ovs-vsctl add-port br2 x9 -- set Interface x9 type=dummy
