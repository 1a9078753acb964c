# Stateful ACLs on a switch: allow-related, allow, drop, reject, with logging, names and severities.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 web
ovn-nbctl lsp-set-addresses web "50:54:00:00:05:01 10.5.0.11"
ovn-nbctl lsp-set-port-security web "50:54:00:00:05:01 10.5.0.11"
ovn-nbctl lsp-add sw0 db
ovn-nbctl lsp-set-addresses db "50:54:00:00:05:02 10.5.0.12"
ovn-nbctl lsp-add sw0 client
ovn-nbctl lsp-set-addresses client "50:54:00:00:05:03 10.5.0.13"
ovn-nbctl acl-add sw0 from-lport 1002 'inport == "client" && ip4' allow-related
ovn-nbctl acl-add sw0 to-lport 1002 'outport == "web" && ip4 && tcp.dst == 80' allow-related
ovn-nbctl --log --name=web-drop --severity=warning acl-add sw0 to-lport 1001 'outport == "web" && ip4' drop
ovn-nbctl --log --severity=info acl-add sw0 to-lport 1000 'outport == "db" && icmp4' reject
ovn-nbctl --log --name=udp-allow --severity=notice acl-add sw0 from-lport 900 'ip4 && udp' allow
ovn-nbctl acl-add sw0 to-lport 800 'outport == "db" && tcp.dst == 5432' allow
