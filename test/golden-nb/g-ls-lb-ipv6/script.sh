# IPv6 load balancer VIPs (with and without port) next to an IPv4 one.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 be1
ovn-nbctl lsp-set-addresses be1 "50:54:00:00:16:01 10.22.0.11 fd16::11"
ovn-nbctl lsp-add sw0 be2
ovn-nbctl lsp-set-addresses be2 "50:54:00:00:16:02 10.22.0.12 fd16::12"
ovn-nbctl lsp-add sw0 client
ovn-nbctl lsp-set-addresses client "50:54:00:00:16:03 10.22.0.13 fd16::13"
ovn-nbctl lb-add lb6-http [fd16::100]:80 [fd16::11]:8080,[fd16::12]:8080 tcp
ovn-nbctl lb-add lb6-any fd16::101 fd16::11,fd16::12
ovn-nbctl lb-add lb4-dns 10.22.0.100:53 10.22.0.11:53 udp
ovn-nbctl ls-lb-add sw0 lb6-http
ovn-nbctl ls-lb-add sw0 lb6-any
ovn-nbctl ls-lb-add sw0 lb4-dns
