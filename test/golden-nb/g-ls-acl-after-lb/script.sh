# ACLs applied after load balancing (--apply-after-lb), a label, log-related, next to a switch load balancer.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 be1
ovn-nbctl lsp-set-addresses be1 "50:54:00:00:15:01 10.21.0.11"
ovn-nbctl lsp-add sw0 be2
ovn-nbctl lsp-set-addresses be2 "50:54:00:00:15:02 10.21.0.12"
ovn-nbctl lsp-add sw0 client
ovn-nbctl lsp-set-addresses client "50:54:00:00:15:03 10.21.0.13"
ovn-nbctl lb-add lb0 10.21.0.100:80 10.21.0.11:80,10.21.0.12:80 tcp
ovn-nbctl ls-lb-add sw0 lb0
ovn-nbctl --apply-after-lb acl-add sw0 from-lport 1001 'ip4.dst == 10.21.0.12 && tcp.dst == 80' drop
ovn-nbctl --apply-after-lb --label=1234 acl-add sw0 from-lport 1000 'ip4.dst == 10.21.0.11 && tcp.dst == 80' allow-related
ovn-nbctl --log --name=client-out acl-add sw0 from-lport 900 'inport == "client" && ip4' allow-related
ovn-nbctl set ACL $(ovn-nbctl --bare --columns=_uuid find ACL name=client-out) options:log-related=true
ovn-nbctl acl-add sw0 to-lport 800 'outport == "be2" && icmp4' reject
