# Load balancing on a gateway router and on a switch, Spinhirne-style, then the lb-* commands.
root@ubuntu1:~# ovn-nbctl ls-add inside
root@ubuntu1:~# ovn-nbctl ls-add dmz
root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-vm1
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-vm1 "02:ac:10:ff:01:30 172.16.255.130"
root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-vm2
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-vm2 "02:ac:10:ff:01:31 172.16.255.131"
root@ubuntu1:~# ovn-nbctl create Logical_Router name=edge1 options:chassis=ubuntu1
b0b6b0a4-8f2a-4a3e-9b3f-0d0e5c7a1e11
root@ubuntu1:~# ovn-nbctl lrp-add edge1 edge1-outside 02:0a:7f:18:01:02 10.127.0.2/24
root@ubuntu1:~# uuid=`ovn-nbctl create load_balancer vips:10.127.0.254="172.16.255.130,172.16.255.131"`
root@ubuntu1:~# echo $uuid
3d3c1c0c-5b7e-4f58-9b0f-6d8e1f2a3b4c
root@ubuntu1:~# ovn-nbctl set logical_router edge1 load_balancer=$uuid
root@ubuntu1:~# ovn-nbctl get logical_router edge1 load_balancer
[3d3c1c0c-5b7e-4f58-9b0f-6d8e1f2a3b4c]
root@ubuntu1:~# uuid=`ovn-nbctl create load_balancer vips:172.16.255.62="172.16.255.194,172.16.255.195"`
root@ubuntu1:~# ovn-nbctl set logical_switch inside load_balancer=$uuid
root@ubuntu1:~# ovn-nbctl get logical_switch inside load_balancer
root@ubuntu1:~# ovn-nbctl set load_balancer $uuid vips:'"172.16.255.62:8080"'='"172.16.255.194:80,172.16.255.195:80"'
root@ubuntu1:~# ovn-nbctl set load_balancer $uuid protocol=tcp
root@ubuntu1:~# ovn-nbctl lb-add lb0 10.0.0.10:80 192.168.0.2:80,192.168.0.3:80
root@ubuntu1:~# ovn-nbctl lb-add lb0 10.0.0.10:443 192.168.0.2:443,192.168.0.3:443 tcp
root@ubuntu1:~# ovn-nbctl --may-exist lb-add lb0 10.0.0.10:80 192.168.0.4:80
root@ubuntu1:~# ovn-nbctl lb-add lb-dns 10.0.0.53:53 192.168.0.2:53,192.168.0.3:53 udp
root@ubuntu1:~# ovn-nbctl lb-add lb6 [fd00::100]:80 [fd00::2]:80,[fd00::3]:80
root@ubuntu1:~# ovn-nbctl ls-lb-add dmz lb0
root@ubuntu1:~# ovn-nbctl ls-lb-add dmz lb-dns
root@ubuntu1:~# ovn-nbctl lr-lb-add edge1 lb0
root@ubuntu1:~# ovn-nbctl lb-list
UUID                                    LB                  PROTO      VIP                  IPs
b5a7a6e4-0d8c-4f1e-8a3f-2b6c1d7e9f01    lb0                 tcp        10.0.0.10:443        192.168.0.2:443,192.168.0.3:443
                                                            tcp        10.0.0.10:80         192.168.0.4:80
root@ubuntu1:~# ovn-nbctl lb-del lb-dns 10.0.0.53:53
root@ubuntu1:~# ovn-nbctl set load_balancer lb0 selection_fields=ip_src,ip_dst
root@ubuntu1:~# ovn-nbctl set load_balancer lb0 options:reject=true
