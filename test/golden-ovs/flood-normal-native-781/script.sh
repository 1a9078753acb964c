# a broadcast flooded to 781 VXLAN ports (native tunnels, normal)
ovs-vsctl add-br br-phys -- set Bridge br-phys datapath_type=dummy other-config:hwaddr=aa:55:aa:55:00:01
ovs-vsctl add-port br-phys p0 -- set Interface p0 type=dummy ofport_request=1
ovs-vsctl add-br br-int -- set Bridge br-int datapath_type=dummy fail-mode=secure
ovs-vsctl add-port br-int vm1 -- set Interface vm1 type=dummy ofport_request=1
ovs-appctl netdev-dummy/ip4addr br-phys 172.31.0.1/16
ovs-appctl ovs/route/add 172.31.0.0/16 br-phys
ovs-ofctl add-flow br-phys actions=NORMAL
for b in $(seq 1 250); do
  ovs-vsctl add-port br-int vx1-$b -- set Interface vx1-$b type=vxlan options:remote_ip=172.31.1.$b options:key=flow
  ovs-appctl tnl/neigh/set br-phys 172.31.1.$b f8:bc:12:44:01:$b
done
for b in $(seq 1 250); do
  ovs-vsctl add-port br-int vx2-$b -- set Interface vx2-$b type=vxlan options:remote_ip=172.31.2.$b options:key=flow
  ovs-appctl tnl/neigh/set br-phys 172.31.2.$b f8:bc:12:44:02:$b
done
for b in $(seq 1 250); do
  ovs-vsctl add-port br-int vx3-$b -- set Interface vx3-$b type=vxlan options:remote_ip=172.31.3.$b options:key=flow
  ovs-appctl tnl/neigh/set br-phys 172.31.3.$b f8:bc:12:44:03:$b
done
for b in $(seq 1 31); do
  ovs-vsctl add-port br-int vx4-$b -- set Interface vx4-$b type=vxlan options:remote_ip=172.31.4.$b options:key=flow
  ovs-appctl tnl/neigh/set br-phys 172.31.4.$b f8:bc:12:44:04:$b
done
ovs-ofctl add-flow br-int actions=set_field:0x64-\>tun_id,NORMAL
