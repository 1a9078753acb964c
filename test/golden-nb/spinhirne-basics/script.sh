root@ubuntu1:~# ovn-nbctl ls-add dmz
root@ubuntu1:~# ovn-nbctl ls-add inside
root@ubuntu1:~# ovn-nbctl show
switch 1f7a4b8e-4e4b-4b8e-9c2f-2d9f3b7c8a10 (inside)
switch 6c0e5e3b-7f0a-4f1a-8d55-7d0f6c1e2f44 (dmz)
root@ubuntu1:~# # add the router
root@ubuntu1:~# ovn-nbctl lr-add tenant1

root@ubuntu1:~# # create router port for the connection to dmz
root@ubuntu1:~# ovn-nbctl lrp-add tenant1 tenant1-dmz 02:ac:10:ff:01:29 172.16.255.129/26

root@ubuntu1:~# # create the dmz switch port for connection to tenant1
root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-tenant1
root@ubuntu1:~# ovn-nbctl lsp-set-type dmz-tenant1 router
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-tenant1 02:ac:10:ff:01:29
root@ubuntu1:~# ovn-nbctl lsp-set-options dmz-tenant1 router-port=tenant1-dmz

root@ubuntu1:~# # create router port for the connection to inside
root@ubuntu1:~# ovn-nbctl lrp-add tenant1 tenant1-inside 02:ac:10:ff:01:93 172.16.255.193/26

root@ubuntu1:~# # create the inside switch port for connection to tenant1
root@ubuntu1:~# ovn-nbctl lsp-add inside inside-tenant1
root@ubuntu1:~# ovn-nbctl lsp-set-type inside-tenant1 router
root@ubuntu1:~# ovn-nbctl lsp-set-addresses inside-tenant1 02:ac:10:ff:01:93
root@ubuntu1:~# ovn-nbctl lsp-set-options inside-tenant1 router-port=tenant1-inside

root@ubuntu1:~# ovn-nbctl show
    switch 6c0e5e3b-7f0a-4f1a-8d55-7d0f6c1e2f44 (dmz)
        port dmz-tenant1
            addresses: ["02:ac:10:ff:01:29"]
    router 3b1e5c2a-0d4e-4a4b-9a3e-6f8e9d7c1b22 (tenant1)
        port tenant1-dmz
            mac: "02:ac:10:ff:01:29"
            networks: ["172.16.255.129/26"]
root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-vm1
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-vm1 "02:ac:10:ff:01:30 172.16.255.130"
root@ubuntu1:~# ovn-nbctl lsp-set-port-security dmz-vm1 "02:ac:10:ff:01:30 172.16.255.130"

root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-vm2
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-vm2 "02:ac:10:ff:01:31 172.16.255.131"
root@ubuntu1:~# ovn-nbctl lsp-set-port-security dmz-vm2 "02:ac:10:ff:01:31 172.16.255.131"

root@ubuntu1:~# ovn-nbctl lsp-add inside inside-vm3
root@ubuntu1:~# ovn-nbctl lsp-set-addresses inside-vm3 "02:ac:10:ff:01:94 172.16.255.194"
root@ubuntu1:~# ovn-nbctl lsp-set-port-security inside-vm3 "02:ac:10:ff:01:94 172.16.255.194"

root@ubuntu2:~# ip netns add vm1
root@ubuntu2:~# ovs-vsctl add-port br-int vm1 -- set interface vm1 type=internal
root@ubuntu2:~# ip link set vm1 address 02:ac:10:ff:01:30
root@ubuntu2:~# ip link set vm1 netns vm1
root@ubuntu2:~# ovs-vsctl set Interface vm1 external_ids:iface-id=dmz-vm1
root@ubuntu2:~# ip netns exec vm1 dhclient vm1
root@ubuntu2:~# ip netns exec vm1 ip addr show vm1
10: vm1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN group default qlen 1000
    link/ether 02:ac:10:ff:01:30 brd ff:ff:ff:ff:ff:ff
    inet 172.16.255.130/26 brd 172.16.255.191 scope global vm1
       valid_lft forever preferred_lft forever
root@ubuntu2:~# ip netns exec vm1 ping -c 1 172.16.255.194
PING 172.16.255.194 (172.16.255.194) 56(84) bytes of data.
64 bytes from 172.16.255.194: icmp_seq=1 ttl=63 time=1.44 ms
