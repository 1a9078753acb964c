ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br0 vm1 -- set Interface vm1 type=dummy ofport_request=1
ovs-vsctl add-port br0 vm2 -- set Interface vm2 type=dummy ofport_request=2
ovs-ofctl add-flow br0 priority=10,in_port=vm1,actions=output:vm2
ovs-ofctl add-flow br0 priority=20,in_port=1,ip,actions=output:2
ovs-ofctl add-flow br0 priority=20,in_port=1,ip,actions=drop
ovs-ofctl add-flow br0 table=5,priority=1,tcp,actions=output:1
ovs-ofctl add-flow br0 table=5,priority=2,udp,actions=output:1
ovs-ofctl mod-flows br0 table=5,tcp,actions=output:2
ovs-ofctl del-flows br0 table=5,udp
ovs-ofctl add-flow br0 cookie=0x1234,priority=30,in_port=2,actions=output:1
cat > more.txt <<'FLOWS'
# replaced later
table=7,actions=drop
FLOWS
ovs-ofctl add-flows br0 more.txt
ovs-ofctl del-flows br0 --strict priority=20,in_port=1,ip
