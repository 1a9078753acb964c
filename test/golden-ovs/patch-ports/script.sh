ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure
ovs-vsctl add-br br1 -- set Bridge br1 datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br0 p1 -- set Interface p1 type=dummy ofport_request=1
ovs-vsctl add-port br1 p2 -- set Interface p2 type=dummy ofport_request=2
ovs-vsctl add-port br0 patch-to-br1 -- set Interface patch-to-br1 type=patch options:peer=patch-to-br0 ofport_request=5 \
  -- add-port br1 patch-to-br0 -- set Interface patch-to-br0 type=patch options:peer=patch-to-br1 ofport_request=6
ovs-ofctl add-flow br0 'in_port=1,actions=mod_dl_src:0a:00:00:00:00:01,load:0x9->NXM_NX_REG2[],output:5'
ovs-ofctl add-flow br0 'in_port=5,actions=output:1'
ovs-ofctl add-flow br1 'in_port=6,reg2=0,actions=resubmit(,3)'
ovs-ofctl add-flow br1 'in_port=6,reg2=9,actions=drop'
ovs-ofctl add-flow br1 'table=3,actions=output:2,output:6'
ovs-ofctl add-flow br1 'in_port=2,actions=output:6'
