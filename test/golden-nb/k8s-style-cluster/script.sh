# ovn-kubernetes-like bring-up: a cluster router, per-node switches with subnets and dynamic addresses,
# a join switch, gateway router with SNAT, load balancers by protocol and src-ip routes.
$ ovn-nbctl set NB_Global . options:mac_prefix=0a:58:0a
$ ovn-nbctl --may-exist lr-add ovn_cluster_router
$ ovn-nbctl --may-exist ls-add node1 -- set logical_switch node1 other-config:subnet=10.244.1.0/24 \
    other-config:exclude_ips=10.244.1.1..10.244.1.2
$ ovn-nbctl --may-exist lrp-add ovn_cluster_router rtos-node1 0a:58:0a:f4:01:01 10.244.1.1/24
$ ovn-nbctl --may-exist lsp-add node1 stor-node1 -- set logical_switch_port stor-node1 type=router \
    options:router-port=rtos-node1 addresses='"0a:58:0a:f4:01:01"'
$ ovn-nbctl --may-exist lsp-add node1 k8s-node1 -- lsp-set-addresses k8s-node1 "0a:58:0a:f4:01:02 10.244.1.2"
$ ovn-nbctl lsp-add node1 default_nginx-1 -- lsp-set-addresses default_nginx-1 dynamic
$ ovn-nbctl lsp-add node1 default_nginx-2 -- lsp-set-addresses default_nginx-2 "0a:58:0a:f4:01:99 dynamic"
$ ovn-nbctl --wait=sb get logical_switch_port default_nginx-1 dynamic_addresses
"0a:58:0a:f4:01:03 10.244.1.3"
$ ovn-nbctl --may-exist ls-add join
$ ovn-nbctl --may-exist lrp-add ovn_cluster_router rtoj-ovn_cluster_router 0a:58:64:40:00:01 100.64.0.1/16
$ ovn-nbctl --may-exist lsp-add join jtor-ovn_cluster_router -- set logical_switch_port jtor-ovn_cluster_router \
    type=router options:router-port=rtoj-ovn_cluster_router addresses=router
$ ovn-nbctl --may-exist lr-add GR_node1 -- set logical_router GR_node1 options:chassis=node1-chassis options:lb_force_snat_ip=router_ip
$ ovn-nbctl --may-exist lrp-add GR_node1 rtoj-GR_node1 0a:58:64:40:00:02 100.64.0.2/16
$ ovn-nbctl --may-exist lsp-add join jtor-GR_node1 -- set logical_switch_port jtor-GR_node1 type=router \
    options:router-port=rtoj-GR_node1 addresses=router
$ ovn-nbctl --may-exist lr-route-add GR_node1 10.244.0.0/16 100.64.0.1
$ ovn-nbctl --may-exist --policy=src-ip lr-route-add ovn_cluster_router 10.244.1.0/24 100.64.0.2
$ ovn-nbctl --may-exist lr-nat-add GR_node1 snat 172.18.0.2 10.244.0.0/16
$ ovn-nbctl lb-add k8s-svc-tcp 10.96.0.1:443 172.18.0.2:6443 tcp
$ ovn-nbctl lb-add k8s-svc-udp 10.96.0.10:53 10.244.1.3:53 udp
$ ovn-nbctl ls-lb-add node1 k8s-svc-tcp
$ ovn-nbctl ls-lb-add node1 k8s-svc-udp
$ ovn-nbctl lr-lb-add GR_node1 k8s-svc-tcp
$ ovn-nbctl set load_balancer k8s-svc-tcp options:hairpin_snat_ip=169.254.169.5
$ ovn-nbctl --ecmp lr-route-add ovn_cluster_router 0.0.0.0/0 100.64.0.2
$ ovn-nbctl --ecmp lr-route-add ovn_cluster_router 0.0.0.0/0 100.64.0.3
$ ovn-nbctl lr-policy-add ovn_cluster_router 1004 'inport == "rtos-node1" && ip4.dst == 172.18.0.2 /* node1 */' reroute 10.244.1.2
$ ovn-nbctl lr-policy-add ovn_cluster_router 101 'ip4.src == 10.244.0.0/16 && ip4.dst == 10.244.0.0/16' allow
$ ovn-nbctl lr-policy-add ovn_cluster_router 102 'ip4.src == 10.244.0.0/16 && ip4.dst == 100.64.0.0/16' allow pkt_mark=1008
$ ovn-nbctl static-mac-binding-add rtoj-GR_node1 100.64.0.9 0a:58:64:40:00:09
