# A session that writes a setup script with a heredoc, shows it with cat, runs part of it by hand,
# and prints output that itself looks like shell (assignments, echo, a history listing).
vagrant@central:~$ cat > setup.sh <<'EOF2'
ovn-nbctl ls-add from-heredoc
ovn-nbctl lsp-add from-heredoc p0
EOF2
vagrant@central:~$ cat setup.sh
ovn-nbctl ls-add from-heredoc
ovn-nbctl lsp-add from-heredoc p0
vagrant@central:~$ ovn-nbctl ls-add sw0
vagrant@central:~$ ovn-nbctl lsp-add sw0 sw0-p1 -- lsp-set-addresses sw0-p1 "00:00:00:00:00:01 10.0.0.1"
vagrant@central:~$ uuid=$(ovn-nbctl create DHCP_Options cidr=10.0.0.0/24 options='"lease_time"="3600" "router"="10.0.0.254" "server_id"="10.0.0.254" "server_mac"="00:00:00:00:ff:01"')
vagrant@central:~$ ovn-nbctl dhcp-options-get-options $uuid
lease_time=3600
router=10.0.0.254
server_id=10.0.0.254
server_mac=00:00:00:00:ff:01
vagrant@central:~$ echo uuid=$uuid
uuid=0f2d8f73-4cd5-4d36-8f2e-45e1b6e55a4b
vagrant@central:~$ ovn-nbctl lsp-set-dhcpv4-options sw0-p1 $uuid
vagrant@central:~$ history | tail -3
  101  ovn-nbctl lsp-add sw0 sw0-p1 -- lsp-set-addresses sw0-p1 "00:00:00:00:00:01 10.0.0.1"
  102  ovn-nbctl lsp-set-dhcpv4-options sw0-p1 $uuid
  103  history | tail -3
vagrant@central:~$ ovn-nbctl lsp-get-dhcpv4-options sw0-p1
0f2d8f73-4cd5-4d36-8f2e-45e1b6e55a4b (10.0.0.0/24)
sudo ovn-nbctl lsp-add sw0 sw0-p2
vagrant@central:~$ ovn-nbctl lsp-set-addresses sw0-p2 "00:00:00:00:00:02 dynamic"
vagrant@central:~$ ovn-nbctl set Logical_Switch sw0 other_config:subnet=10.0.0.0/24
