# Prompts from many terminals in one paste: Gentoo, bare root@host#, macOS, zsh themes, Debian,
# RHEL, virtualenv-prefixed; with output lines in between.
ubuntu@ovn1 ~ $ ovn-nbctl ls-add a
root@ovn2# ovn-nbctl ls-add b
MacBook-Pro:~ alice$ ovn-nbctl ls-add c
❯ ovn-nbctl lsp-add a a-p1
➜  ~ ovn-nbctl lsp-set-addresses a-p1 "00:00:00:00:0a:01 10.0.10.1"
λ ovn-nbctl ls-list
57a1c3d4-0000-4000-8000-000000000001 (a)
5b2c3d4e-0000-4000-8000-000000000002 (b)
5c3d4e5f-0000-4000-8000-000000000003 (c)
root@ovn2:~# ovn-nbctl lr-add r
[root@ovn3 ~]# ovn-nbctl lrp-add r r-a 00:00:00:00:ff:0a 10.0.10.254/24
(venv) user@dev:~/ovn$ ovn-nbctl lsp-add a a-r -- lsp-set-type a-r router -- lsp-set-addresses a-r router -- lsp-set-options a-r router-port=r-a
% ovn-nbctl ls-del c
