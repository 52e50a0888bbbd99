-- One request -> confirm -> use flow of the Hibernate ORM store on PostgreSQL: the store's own five statements
-- (runtime/.../store/HibernateOrmConfirmationStore.java), in the three transactions it runs them in: request (count the
-- send, insert the confirmation), confirm (read, update), use. What the store binds as parameters is a pgbench variable
-- or now() here; the recipient key and the code hash are 64 hex characters, like the store's HMACs. Every flow has a
-- new recipient, as in the Java flows.
\set n random(1, 1000000000000000)
BEGIN;
INSERT INTO two_factor_send_window AS w (recipient_key, window_start, send_count) VALUES (encode(sha256(('r-' || :client_id || '-' || :n)::bytea), 'hex'), now(), 1) ON CONFLICT (recipient_key) DO UPDATE SET send_count = CASE WHEN w.window_start <= now() - interval '10 minutes' THEN 1 ELSE w.send_count + 1 END, window_start = CASE WHEN w.window_start <= now() - interval '10 minutes' THEN now() ELSE w.window_start END WHERE w.window_start <= now() - interval '10 minutes' OR w.send_count < 5;
INSERT INTO two_factor_confirmation (id, status, sender, recipient, meta, code_hash, attempts, created_at, expires_at, last_sent_at, confirmed_at, used_at) VALUES (md5('i-' || :client_id || '-' || :n)::uuid, 'PENDING', 'default', 'user-' || :n || '@bench.example', '{}', encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex'), 0, now(), now() + interval '5 minutes', now(), NULL, NULL);
COMMIT;
BEGIN;
SELECT status, sender, recipient, meta, code_hash, attempts, created_at, expires_at, last_sent_at, confirmed_at, used_at FROM two_factor_confirmation WHERE id = md5('i-' || :client_id || '-' || :n)::uuid;
UPDATE two_factor_confirmation SET status = 'CONFIRMED', confirmed_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'PENDING' AND code_hash = encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex') AND attempts < 5 AND expires_at > now();
COMMIT;
BEGIN;
UPDATE two_factor_confirmation SET status = 'USED', used_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'CONFIRMED' AND expires_at > now();
COMMIT;
