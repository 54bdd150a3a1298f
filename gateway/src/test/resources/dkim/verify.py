# An independent DKIM verifier for the tests (Debian's python3-dkim): the message on stdin, the selector's
# public key (base64 DER, as in the DNS record's p= tag) in the file named by the first argument.
# Prints pass or fail and exits 0 or 1.
import sys

import dkim

public_key = open(sys.argv[1]).read().strip()


def dns(name, timeout=5):
    return ("v=DKIM1; k=rsa; p=" + public_key).encode()


ok = dkim.verify(sys.stdin.buffer.read(), dnsfunc=dns)
print("pass" if ok else "fail")
sys.exit(0 if ok else 1)
