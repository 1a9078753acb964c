# One port group spanning two switches: stateful ACLs with $pg_ip4/$pg_ip6 and a logged reject.
ovn-nbctl ls-add ls-a
ovn-nbctl ls-add ls-b
ovn-nbctl lsp-add ls-a a-web1
ovn-nbctl lsp-set-addresses a-web1 "50:54:00:00:18:01 10.24.0.11 fd18::11"
ovn-nbctl lsp-add ls-a a-cli
ovn-nbctl lsp-set-addresses a-cli "50:54:00:00:18:02 10.24.0.12 fd18::12"
ovn-nbctl lsp-add ls-b b-web2
ovn-nbctl lsp-set-addresses b-web2 "50:54:00:00:18:03 10.24.0.13 fd18::13"
ovn-nbctl lsp-add ls-b b-cli
ovn-nbctl lsp-set-addresses b-cli "50:54:00:00:18:04 10.24.0.14"
ovn-nbctl pg-add pg_web a-web1 b-web2
ovn-nbctl --type=port-group acl-add pg_web to-lport 1002 'outport == @pg_web && ip4 && tcp.dst == 443' allow-related
ovn-nbctl --type=port-group acl-add pg_web to-lport 1002 'outport == @pg_web && ip6.src == $pg_web_ip6' allow-related
ovn-nbctl --type=port-group --log --severity=alert --name=web-reject acl-add pg_web to-lport 1001 'outport == @pg_web && ip' reject
ovn-nbctl --type=port-group acl-add pg_web from-lport 1002 'inport == @pg_web && ip4.dst != $pg_web_ip4' allow-related
