# Shell idioms seen in pasted sessions: &&, ;, trailing comments, several prompt styles, sudo -E,
# exported variables, loops over $(seq), --db, quoting styles, generic create/add with --id.
[root@central ~]# export OVN_NB_DB=tcp:192.168.0.10:6641
[root@central ~]# ovn-nbctl ls-add sw0 && ovn-nbctl lsp-add sw0 p1; ovn-nbctl lsp-add sw0 p2   # two ports
[root@central ~]# ovn-nbctl lsp-set-addresses p1 "00:00:00:00:00:01 10.0.0.1" "00:00:00:00:00:11 10.0.0.11"
[root@central ~]# for i in $(seq 3 5); do ovn-nbctl lsp-add sw0 p$i; done
[root@central ~]# ovn-nbctl --db=$OVN_NB_DB lsp-set-addresses p3 router
sh-4.4# ovn-nbctl lr-add lr0
bash-5.1$ ovn-nbctl lrp-add lr0 lrp0 00:00:00:00:ff:01 10.0.0.254/24
(overcloud) [stack@undercloud-0 ~]$ ovn-nbctl ls-list
a3c7bb7e-3c2e-4a4e-8c0a-d1e8d07f4a11 (sw0)
root@host:/home/user# ovn-nbctl lsp-set-type p3 router
root@host:/home/user# sudo -E ovn-nbctl lsp-set-options p3 router-port=lrp0
[vagrant@central ~]$ LR=$(ovn-nbctl --bare --columns=_uuid find logical_router name=lr0)
[vagrant@central ~]$ ovn-nbctl set logical_router $LR options:always_learn_from_arp_request=false
[vagrant@central ~]$ ovn-nbctl lr-route-add lr0 "0.0.0.0/0" 10.0.0.1 lrp0
[vagrant@central ~]$ ovn-nbctl --id=@lb create load_balancer name=lb1 vips:\"10.0.0.100:80\"=\"10.0.0.1:80\" protocol=tcp -- add logical_switch sw0 load_balancer @lb
[vagrant@central ~]$ ovn-nbctl lsp-set-addresses p4 'de:ad:be:ef:00:04 10.0.0.4 fd00::4'
[vagrant@central ~]$ ovn-nbctl lsp-set-port-security p4 de:ad:be:ef:00:04\ 10.0.0.4
[vagrant@central ~]$ ovn-nbctl set Logical_Switch_Port p5 tag_request=0 external_ids:note='"a b"'
[vagrant@central ~]$ ovn-nbctl lsp-set-enabled p5 disabled; ovn-nbctl lsp-get-enabled p5
disabled
[vagrant@central ~]$ docker exec ovn-central ovn-nbctl ls-add never
[vagrant@central ~]$ kubectl -n ovn-kubernetes exec ovnkube-db -c nb-ovsdb -- ovn-nbctl show
[vagrant@central ~]$ ovn-nbctl --wait=hv -- --may-exist ls-add sw1 -- --may-exist lsp-add sw1 sw1-p1 \
>     -- lsp-set-addresses sw1-p1 "00:00:00:00:01:01 10.1.0.1"
[vagrant@central ~]$ ovn-nbctl lsp-add sw1 sw1-lr0 -- lsp-set-type sw1-lr0 router -- lsp-set-addresses sw1-lr0 router -- lsp-set-options sw1-lr0 router-port=lrp0
[vagrant@central ~]$ ovn-nbctl set logical_router lr0 options:dynamic_neigh_routers=true 'external_ids:"neutron:router_name"=router1'
[vagrant@central ~]$ ovn-nbctl lr-nat-add lr0 snat 10.1.0.254 10.0.0.0/24
[vagrant@central ~]$ ovn-nbctl lr-nat-update-ext-ip lr0 snat 10.0.0.0/24 exempt_as
[vagrant@central ~]$ ovn-nbctl create Logical_Router_Port name=lrp1 mac=\"00:00:00:00:ff:02\" networks=\"10.1.0.254/24\"
[vagrant@central ~]$ ovn-nbctl add Logical_Router lr0 ports $(ovn-nbctl --bare --columns=_uuid find Logical_Router_Port name=lrp1)
