root@ubuntu1:~# ovn-nbctl ls-add dmz
root@ubuntu1:~# ovn-nbctl ls-add inside
root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-vm1
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-vm1 "02:ac:10:ff:01:30 172.16.255.130"
root@ubuntu1:~# ovn-nbctl lsp-set-port-security dmz-vm1 "02:ac:10:ff:01:30 172.16.255.130"
root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-vm2
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-vm2 "02:ac:10:ff:01:31 172.16.255.131"
root@ubuntu1:~# ovn-nbctl lsp-set-port-security dmz-vm2 "02:ac:10:ff:01:31 172.16.255.131"
root@ubuntu1:~# ovn-nbctl lsp-add inside inside-vm3
root@ubuntu1:~# ovn-nbctl lsp-set-addresses inside-vm3 "02:ac:10:ff:01:94 172.16.255.194"
root@ubuntu1:~# ovn-nbctl lsp-set-port-security inside-vm3 "02:ac:10:ff:01:94 172.16.255.194"
root@ubuntu1:~# ovn-nbctl create DHCP_Options cidr=172.16.255.128/26 \
options="\"server_id\"=\"172.16.255.129\" \"server_mac\"=\"02:ac:10:ff:01:29\" \
\"lease_time\"=\"3600\" \"router\"=\"172.16.255.129\""
1d9aa5f9-0d7b-4c7b-9c54-3f2d3c7e8d01
root@ubuntu1:~# dmzDhcp="1d9aa5f9-0d7b-4c7b-9c54-3f2d3c7e8d01"
root@ubuntu1:~# dmzDhcp=$(ovn-nbctl --bare --columns=_uuid find DHCP_Options cidr="172.16.255.128/26")

root@ubuntu1:~# ovn-nbctl create DHCP_Options cidr=172.16.255.192/26 \
options="\"server_id\"=\"172.16.255.193\" \"server_mac\"=\"02:ac:10:ff:01:93\" \
\"lease_time\"=\"3600\" \"router\"=\"172.16.255.193\""
e3a1c6f2-9b8d-4c3e-8f1a-5d6c7b8a9e02
root@ubuntu1:~# insideDhcp=$(ovn-nbctl --bare --columns=_uuid find DHCP_Options cidr="172.16.255.192/26")

root@ubuntu1:~# ovn-nbctl dhcp-options-list
1d9aa5f9-0d7b-4c7b-9c54-3f2d3c7e8d01
e3a1c6f2-9b8d-4c3e-8f1a-5d6c7b8a9e02
root@ubuntu1:~# ovn-nbctl lsp-set-dhcpv4-options dmz-vm1 $dmzDhcp
root@ubuntu1:~# ovn-nbctl lsp-get-dhcpv4-options dmz-vm1
1d9aa5f9-0d7b-4c7b-9c54-3f2d3c7e8d01 (172.16.255.128/26)
root@ubuntu1:~# ovn-nbctl lsp-set-dhcpv4-options dmz-vm2 $dmzDhcp
root@ubuntu1:~# ovn-nbctl lsp-set-dhcpv4-options inside-vm3 $insideDhcp
root@ubuntu1:~# ovn-nbctl dhcp-options-set-options $insideDhcp lease_time=7200 router=172.16.255.193 server_id=172.16.255.193 server_mac=02:ac:10:ff:01:93 dns_server=8.8.8.8
root@ubuntu1:~# ovn-nbctl dhcp-options-get-options $insideDhcp
dns_server=8.8.8.8
lease_time=7200
router=172.16.255.193
server_id=172.16.255.193
server_mac=02:ac:10:ff:01:93
root@ubuntu1:~# v6=$(ovn-nbctl dhcp-options-create fd00:10::/64 purpose=v6)
root@ubuntu1:~# ovn-nbctl dhcp-options-set-options $v6 server_id=00:00:00:00:10:01
root@ubuntu1:~# ovn-nbctl lsp-set-dhcpv6-options dmz-vm2 $v6
