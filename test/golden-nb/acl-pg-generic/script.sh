# ACLs on switches and port groups, address sets, generic create/add/remove/clear/destroy.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 a1 -- lsp-set-addresses a1 "50:54:00:00:06:01 10.6.0.11"
ovn-nbctl lsp-add sw0 a2 -- lsp-set-addresses a2 "50:54:00:00:06:02 10.6.0.12"
ovn-nbctl lsp-add sw0 b1 -- lsp-set-addresses b1 "50:54:00:00:06:03 10.6.0.13"
ovn-nbctl pg-add pg_a a1 a2
ovn-nbctl pg-add pg_b
ovn-nbctl pg-set-ports pg_b b1 a1
ovn-nbctl create Address_Set name=as_admins addresses='"10.6.0.13", "10.6.0.99"'
ovn-nbctl add Address_Set as_admins addresses 10.6.0.100
ovn-nbctl remove Address_Set as_admins addresses '"10.6.0.99"'
ovn-nbctl acl-add sw0 from-lport 1002 'inport == "a1" && ip4' allow-related
ovn-nbctl --log --name=web-drop --severity=warning acl-add sw0 to-lport 1001 'outport == "a2" && ip4' drop
ovn-nbctl --type=port-group acl-add pg_a to-lport 1010 'outport == @pg_a && ip4.src == $as_admins' allow-stateless
ovn-nbctl --id=@acl create ACL direction=to-lport priority=1005 'match="outport == @pg_a && ip4"' action=allow -- add Port_Group pg_a acls @acl
ovn-nbctl --log acl-add sw0 to-lport 900 'ip4 && icmp4' reject
ovn-nbctl acl-del sw0 to-lport 900 'ip4 && icmp4'
ovn-nbctl set Logical_Switch sw0 external_ids:a=1 external_ids:b=2
ovn-nbctl remove Logical_Switch sw0 external_ids a
ovn-nbctl clear Logical_Switch_Port b1 addresses
ovn-nbctl create Logical_Switch name=tmp
ovn-nbctl destroy Logical_Switch tmp
ovn-nbctl pg-del pg_b
