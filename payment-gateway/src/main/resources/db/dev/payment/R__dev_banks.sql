-- Banks of the LOCAL RUN AND TESTS ONLY: their private keys are in the repository
-- (dev-stack/src/main/resources/dev-banks/<bank>.pk8.b64, PKCS#8 base64); over HTTP a bank
-- calls with a bearer token naming it (./etax token bank <code>). Production sets spring.flyway.locations without
-- classpath:db/dev/payment and registers real banks through onboarding.
INSERT INTO bank (bank_code, name, valid_from) VALUES
    ('01202001', 'Dev bank 01202001', '2020-01-01'),
    ('01204001', 'Dev bank 01204001', '2020-01-01'),
    ('01201001', 'Dev bank 01201001', '2020-01-01'),
    ('79310001', 'Dev bank 79310001', '2020-01-01')
ON CONFLICT (bank_code) DO NOTHING;

INSERT INTO bank_key (key_id, bank_code, algorithm, public_key, valid_from) VALUES
    ('01202001-dev-1', '01202001', 'RS256',
     'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAntRNrbUuDNCowcEYZDNeqa0diJ1Vvcc5g28TsFhMW6Ot/IGsWIReAjD4iwBAtuCgzLfroJD9DB9Lrlgwa9U0DQudiH+gxDG07lMAKJQyDH8UmX1e9wT9S+4+a3Cb8etJPtZdbOVAa33wd04CFFt9bPqXlLFWSPXOFOVAzotQ6btuqT7YbuPfRP9fg8WQzZlSVrxBHowAv1UV4DGTB/q8hlvpS/rlTNmHP+dtkaY0T80GaEjgyqsaBjmkHx2jg+ZEg0PUymKnZTAWJP6Xdg3SspffCk2vTjcxCBm9GiczzMFQDIgT69b/olyz0CdGLO3gVGD/XTmpLCzH1eQez1vRMwIDAQAB',
     '2020-01-01T00:00:00Z'),
    ('01204001-dev-1', '01204001', 'RS256',
     'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtJRsTXh04jHReTbfZLANNQxWCXQ0MX2w6EdR4BKTZWxtpq4yn1Vz0iCu9fT+AM3PA1w3CKov0pHRXpMR1SqCahlA2nYdQi1dJcbw4rVbUIFpvJz30n2b3cyf/RRfMyWsDZd9MVrUlTrUp4qOMmUKWEviXgFJnXyMegIWNOcManRoZPZ7xzEaUbUTjcA3c447yNkQDrYaqJzHOXYqJN4YQUELJ0LbhDqXqns/0VjTtIuXRSKb603iOK7YrbM13oDle86zzFjdLk3AWY1AUoxNiJIreqnnjqOZrgIo6whGI5UisJV6sdnS9sErtMHxiXChYso+IJtGueAjdF779qzbqwIDAQAB',
     '2020-01-01T00:00:00Z'),
    ('01201001-dev-1', '01201001', 'RS256',
     'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjUuWOh6BkiWs27jAUljmFeA0DeUNvxvi7SYj4jbh0DbP5NQdzx79heBCt25snXkyQ3cnvrsBoj9bRpd8w4447nRmUK9ocwZKdCKUFlNqmIw9e987ksIiUMqLOtY1xo3A7bZdXvLNf9A2Do84j9JUR2xP1zVSDBqMhHdJMvhe+3B05S/add8dQI+vEJQygjlr1r0yYqus3RsHHDV5KacTx7yo6tBqu/KwD7WaqSsZIkY6OZ6DxlhartAGP/B0gl78bjMdtLjvdoqyN2dIH5H46tvGUIFGYMw+61XAgy374WwPYdL5FxEzp64ZPSpmG7dnZigD75FJm+6a2Ho7g8ObNQIDAQAB',
     '2020-01-01T00:00:00Z'),
    ('79310001-dev-1', '79310001', 'RS256',
     'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu6cp72pcBX0uDo9pQqbuJAinjGzoc4MK4B31SUgzZyJyXUiqrPNUZuq60GLuxW5oJI7+hJDT8Ttc7PNQt7qZGHTXVKuAgRT9GABv4mbrcS3m030xYFEa/VNSBQTYEj3H0CXu6kvkmbqjxJYb0HHP7L1i8rx7dZpp/QW/eDbbA07Gx57FZO42Dp9EpQ98AITMZuiEHYWcAOnU2YbOksSofumTO4T+Md9TTpIQLl5wxFM33hFch+uUbbVJ7RY0zpjty+tF3zQzlEPdR2dcEbi8FLHNoHN6D5FMzQlvOV/VofIuSqJ/1vY02aOr2R53eHJbG0nCEnWFAnAIddPZeoNLcwIDAQAB',
     '2020-01-01T00:00:00Z')
ON CONFLICT (key_id) DO NOTHING;
