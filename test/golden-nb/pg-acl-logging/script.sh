# Port groups, address sets and logged ACLs as in OpenStack security-group walkthroughs.
stack@devstack:~$ ovn-nbctl ls-add sw0
stack@devstack:~$ for p in 1 2 3; do ovn-nbctl lsp-add sw0 sw0-p$p -- lsp-set-addresses sw0-p$p "00:00:00:00:00:0$p 10.0.0.1$p"; done
stack@devstack:~$ ovn-nbctl pg-add pg_web sw0-p1 sw0-p2
stack@devstack:~$ ovn-nbctl pg-add pg_db
stack@devstack:~$ ovn-nbctl pg-set-ports pg_db sw0-p3
stack@devstack:~$ ovn-nbctl create Address_Set name=as_web addresses='"10.0.0.11","10.0.0.12"'
stack@devstack:~$ ovn-nbctl add Address_Set as_web addresses 10.0.0.99
stack@devstack:~$ ovn-nbctl --type=port-group acl-add pg_web to-lport 1001 'outport == @pg_web && ip4' drop
stack@devstack:~$ ovn-nbctl --type=port-group acl-add pg_web to-lport 1002 'outport == @pg_web && ip4 && tcp.dst == 80' allow-related
stack@devstack:~$ ovn-nbctl --log --name=web_ssh --severity=alert acl-add pg_web from-lport 1002 'inport == @pg_web && tcp.dst == 22' reject
stack@devstack:~$ ovn-nbctl --log --meter=acl-meter acl-add sw0 to-lport 900 'outport == @pg_db && ip4.src == $as_web && tcp.dst == 5432' allow
stack@devstack:~$ ovn-nbctl meter-add acl-meter drop 10 pktps
stack@devstack:~$ ovn-nbctl acl-add sw0 from-lport 0 1 drop
stack@devstack:~$ ovn-nbctl --tier=1 acl-add sw0 from-lport 100 'ip6' drop
stack@devstack:~$ ovn-nbctl acl-list pg_web
stack@devstack:~$ ovn-nbctl set acl $(ovn-nbctl --bare --columns=_uuid find acl priority=0) label=42
stack@devstack:~$ ovn-nbctl qos-add sw0 from-lport 100 'inport == "sw0-p1"' rate=10000 burst=1000
stack@devstack:~$ ovn-nbctl qos-add sw0 to-lport 200 'ip4.dst == 10.0.0.12' dscp=12
stack@devstack:~$ ovn-nbctl pg-set-ports pg_web sw0-p1 sw0-p2 sw0-p3
stack@devstack:~$ ovn-nbctl acl-del pg_web from-lport
