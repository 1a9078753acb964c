# if / then / else / fi as pasted: one-liners with ! and pipes, a multi-line block under > prompts,
# and a condition that fails (its error printed, the else branch taken).
$ ovn-nbctl ls-add sw0
$ if ! ovn-nbctl ls-list | grep -q sw2; then ovn-nbctl ls-add sw2; fi
$ if ovn-nbctl ls-list | grep -qw sw0; then
>   ovn-nbctl ls-add yes
> else
>   ovn-nbctl ls-add no
> fi
$ if ovn-nbctl lsp-add nosuch p; then ovn-nbctl ls-add no2; else ovn-nbctl ls-add yes2; fi
