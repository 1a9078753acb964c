# Shell loops and expansions people paste: for … in, {1..N}, $(seq …), nested loops, ${var} inside words.
ovn-nbctl ls-add sw0
for i in 1 2 3; do
    ovn-nbctl lsp-add sw0 sw0-p$i -- lsp-set-addresses sw0-p$i "50:54:00:00:00:0$i 10.0.0.1$i"
done
for sw in sw1 sw2; do ovn-nbctl ls-add $sw; done
for n in {1..2}; do
  for sw in sw1 sw2; do
    ovn-nbctl lsp-add ${sw} ${sw}-vm${n}
  done
done
for i in $(seq 4 5); do ovn-nbctl lsp-add sw0 sw0-p$i; done
ports="sw0-p4 sw0-p5"
for p in $ports; do ovn-nbctl lsp-set-type $p localport; done
ovn-nbctl pg-add pg0 sw0-p{1,2}
