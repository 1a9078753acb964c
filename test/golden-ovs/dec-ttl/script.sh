ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br0 p1 -- set Interface p1 type=dummy ofport_request=1 -- add-port br0 p2 -- set Interface p2 type=dummy ofport_request=2
ovs-ofctl add-flow br0 'in_port=1,ip,actions=dec_ttl,output:2,resubmit(,1)'
ovs-ofctl add-flow br0 'in_port=1,ipv6,actions=dec_ttl,output:2'
ovs-ofctl add-flow br0 'in_port=2,actions=resubmit(,1),output:1'
ovs-ofctl add-flow br0 'table=1,ip,actions=dec_ttl(1,2),mod_nw_tos:16,output:1'
