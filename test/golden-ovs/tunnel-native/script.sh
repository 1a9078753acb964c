# native tunnels (OVS's tunnel-push-pop.at set-up): the underlay bridge br-phys owns the IP, route and neighbours
ovs-vsctl add-br br-phys -- set Bridge br-phys datapath_type=dummy other-config:hwaddr=aa:55:aa:55:00:00
ovs-vsctl add-port br-phys p0 -- set Interface p0 type=dummy ofport_request=1
ovs-vsctl add-br br-int -- set Bridge br-int datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br-int vm1 -- set Interface vm1 type=dummy ofport_request=1
ovs-vsctl add-port br-int vx1 -- set Interface vx1 type=vxlan options:remote_ip=1.1.2.92 options:key=123 ofport_request=2 \
  -- add-port br-int gnv1 -- set Interface gnv1 type=geneve options:remote_ip=1.1.2.93 options:key=flow options:csum=true ofport_request=3 \
  -- add-port br-int gre1 -- set Interface gre1 type=gre options:remote_ip=1.1.2.94 options:key=456 ofport_request=4 \
  -- add-port br-int vx2 -- set Interface vx2 type=vxlan options:remote_ip=1.1.2.95 options:key=flow ofport_request=5 \
  -- add-port br-int vx3 -- set Interface vx3 type=vxlan options:remote_ip=9.9.9.9 options:key=flow ofport_request=6
ovs-appctl netdev-dummy/ip4addr br-phys 1.1.2.88/24
ovs-appctl ovs/route/add 1.1.2.0/24 br-phys
ovs-appctl tnl/neigh/set br-phys 1.1.2.92 f8:bc:12:44:34:b6
ovs-appctl tnl/neigh/set br-phys 1.1.2.93 f8:bc:12:44:34:b7
ovs-appctl tnl/neigh/set br-phys 1.1.2.94 f8:bc:12:44:34:b8
ovs-ofctl add-flow br-phys action=normal
ovs-ofctl add-flows br-int - <<'FLOWS'
in_port=1,ip,nw_dst=10.0.0.2,actions=output:2
in_port=1,ip,nw_dst=10.0.0.3,actions=set_field:0x2a->tun_id,output:3
in_port=1,ip,nw_dst=10.0.0.4,actions=output:4
in_port=1,ip,nw_dst=10.0.0.5,actions=set_field:0x5->tun_id,output:5
in_port=1,ip,nw_dst=10.0.0.6,actions=set_field:0x6->tun_id,output:6
in_port=1,ip,nw_dst=10.0.0.255,actions=set_field:0x2a->tun_id,output:2,output:3,output:4
in_port=2,tun_id=123,actions=output:1
in_port=3,actions=resubmit(,1)
table=1,tun_id=0x2a,actions=output:1
FLOWS
