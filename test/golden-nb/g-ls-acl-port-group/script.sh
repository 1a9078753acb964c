# Stateless ACLs on a port group, with address sets (user-made and the port group's own $pg_ip4), allow and drop.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 a1
ovn-nbctl lsp-set-addresses a1 "50:54:00:00:06:01 10.6.0.11"
ovn-nbctl lsp-add sw0 a2
ovn-nbctl lsp-set-addresses a2 "50:54:00:00:06:02 10.6.0.12 fd06::12"
ovn-nbctl lsp-add sw0 b1
ovn-nbctl lsp-set-addresses b1 "50:54:00:00:06:03 10.6.0.13"
ovn-nbctl pg-add pg_a a1 a2
ovn-nbctl create Address_Set name=as_admins addresses='"10.6.0.13", "10.6.0.99"'
ovn-nbctl --type=port-group acl-add pg_a to-lport 1010 'outport == @pg_a && ip4.src == $as_admins' allow-stateless
# (no "pass" verdict: the ACL schema of 23.03 does not have it yet)
ovn-nbctl --id=@acl create ACL direction=to-lport priority=1005 'match="outport == @pg_a && ip4.src == $pg_a_ip4"' action=allow -- add Port_Group pg_a acls @acl
ovn-nbctl --type=port-group --log --name=pg-a-deny acl-add pg_a to-lport 1000 'outport == @pg_a && ip4' drop
ovn-nbctl --type=port-group acl-add pg_a from-lport 1000 'inport == @pg_a && ip6' drop
ovn-nbctl acl-add sw0 to-lport 900 'ip4 && icmp4' allow-stateless
