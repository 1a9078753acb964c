# A load balancer VIP with no backends: rejected (options:reject=true); plus one with backends.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:08:01 10.8.0.11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:08:02 10.8.0.12"
ovn-nbctl create Load_Balancer name=lb-empty protocol=tcp 'vips:"10.8.0.200:80"=""' options:reject=true
ovn-nbctl lb-add lb-web 10.8.0.201:80 10.8.0.12:80 tcp
ovn-nbctl ls-lb-add sw0 lb-empty
ovn-nbctl ls-lb-add sw0 lb-web
