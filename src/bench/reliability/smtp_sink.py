"""A tiny SMTP server that accepts every mail and appends one line per mail to a file:
<Message-ID> <recipients>. Used by reliability.sh to count duplicate mails. Needs Debian's Python 3.11
(/usr/bin/python3: the smtpd module left Python in 3.12). Usage: smtp_sink.py PORT FILE"""
import asyncore
import email
import smtpd
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        message = email.message_from_bytes(data if isinstance(data, bytes) else data.encode())
        with open(sys.argv[2], "a") as out:
            out.write("%s %s\n" % (message.get("Message-ID", "<none>"), ",".join(rcpttos)))
        return None


Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
asyncore.loop()
