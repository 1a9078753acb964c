# Load balancer options: hash selection fields, a controller event for a VIP without backends, one LB on two switches.
ovn-nbctl set NB_Global . options:controller_event=true
ovn-nbctl ls-add sw0
ovn-nbctl ls-add sw1
ovn-nbctl lsp-add sw0 be1
ovn-nbctl lsp-set-addresses be1 "50:54:00:00:1f:01 10.31.0.11"
ovn-nbctl lsp-add sw0 be2
ovn-nbctl lsp-set-addresses be2 "50:54:00:00:1f:02 10.31.0.12"
ovn-nbctl lsp-add sw0 client
ovn-nbctl lsp-set-addresses client "50:54:00:00:1f:04 10.31.0.14"
ovn-nbctl lsp-add sw1 sw1-client
ovn-nbctl lsp-set-addresses sw1-client "50:54:00:00:1f:03 10.31.1.13"
ovn-nbctl lb-add lb-hash 10.31.0.100:80 10.31.0.11:80,10.31.0.12:80 tcp
ovn-nbctl set Load_Balancer lb-hash selection_fields=ip_src,ip_dst,tp_src,tp_dst
ovn-nbctl create Load_Balancer name=lb-event protocol=udp 'vips:"10.31.0.200:53"=""' options:event=true
ovn-nbctl ls-lb-add sw0 lb-hash
ovn-nbctl ls-lb-add sw1 lb-hash
ovn-nbctl ls-lb-add sw0 lb-event
