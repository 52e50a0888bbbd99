-- The least SQL a request -> confirm -> use flow needs on the extension's own table: one insert, one conditional update
-- that confirms and returns what the answer shows, one conditional update that spends; each statement its own
-- transaction (autocommit). No send limit, no failure count: the floor under any store, not this store's statements
-- (those are flow.pgbench.sql). Values as there: pgbench variables or now(), 64 hex characters for the code hash.
\set n random(1, 1000000000000000)
INSERT INTO two_factor_confirmation (id, status, sender, recipient, meta, code_hash, attempts, created_at, expires_at, last_sent_at) VALUES (md5('i-' || :client_id || '-' || :n)::uuid, 'PENDING', 'default', 'user-' || :n || '@bench.example', '{}', encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex'), 0, now(), now() + interval '5 minutes', now());
UPDATE two_factor_confirmation SET status = 'CONFIRMED', confirmed_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'PENDING' AND code_hash = encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex') AND attempts < 5 AND expires_at > now() RETURNING sender, recipient, owner, purpose, meta, attempts, created_at, expires_at;
UPDATE two_factor_confirmation SET status = 'USED', used_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'CONFIRMED' AND expires_at > now();
