# Load balancers on a switch: VIPs with and without port, tcp/udp/sctp, several backends, hairpin.
# (every VIP address is used once: ovn-trace looks VIPs up by address, in hash order)
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 be1
ovn-nbctl lsp-set-addresses be1 "50:54:00:00:07:01 10.7.0.11"
ovn-nbctl lsp-add sw0 be2
ovn-nbctl lsp-set-addresses be2 "50:54:00:00:07:02 10.7.0.12"
ovn-nbctl lsp-add sw0 be3
ovn-nbctl lsp-set-addresses be3 "50:54:00:00:07:03 10.7.0.13"
ovn-nbctl lsp-add sw0 client
ovn-nbctl lsp-set-addresses client "50:54:00:00:07:04 10.7.0.14"
ovn-nbctl lb-add lb-tcp 10.7.0.100:80 10.7.0.11:8080,10.7.0.12:8080 tcp
ovn-nbctl lb-add lb-udp 10.7.0.103:53 10.7.0.11:5353,10.7.0.12:5353,10.7.0.13:5353 udp
ovn-nbctl lb-add lb-sctp 10.7.0.101:9000 10.7.0.13:9000 sctp
ovn-nbctl lb-add lb-any 10.7.0.102 10.7.0.11,10.7.0.13
ovn-nbctl ls-lb-add sw0 lb-tcp
ovn-nbctl ls-lb-add sw0 lb-udp
ovn-nbctl ls-lb-add sw0 lb-sctp
ovn-nbctl ls-lb-add sw0 lb-any
