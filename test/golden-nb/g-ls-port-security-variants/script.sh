# Port security variants: several IPv4s, IPv6 only, MAC with no IP, prefixes, two address entries.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 multi4
ovn-nbctl lsp-set-addresses multi4 "50:54:00:00:1e:01 10.30.0.11 10.30.0.21"
ovn-nbctl lsp-set-port-security multi4 "50:54:00:00:1e:01 10.30.0.11 10.30.0.21"
ovn-nbctl lsp-add sw0 only6
ovn-nbctl lsp-set-addresses only6 "50:54:00:00:1e:02 fd1e::12"
ovn-nbctl lsp-set-port-security only6 "50:54:00:00:1e:02 fd1e::12"
ovn-nbctl lsp-add sw0 maconly
ovn-nbctl lsp-set-addresses maconly 50:54:00:00:1e:03
ovn-nbctl lsp-set-port-security maconly 50:54:00:00:1e:03
ovn-nbctl lsp-add sw0 prefix
ovn-nbctl lsp-set-addresses prefix "50:54:00:00:1e:04 10.30.0.14"
ovn-nbctl lsp-set-port-security prefix "50:54:00:00:1e:04 10.30.0.0/24 fd1e::/64"
ovn-nbctl lsp-add sw0 twomacs
ovn-nbctl lsp-set-addresses twomacs "50:54:00:00:1e:05 10.30.0.15" "50:54:00:00:1e:55 10.30.0.55"
ovn-nbctl lsp-set-port-security twomacs "50:54:00:00:1e:05 10.30.0.15" "50:54:00:00:1e:55 10.30.0.55"
