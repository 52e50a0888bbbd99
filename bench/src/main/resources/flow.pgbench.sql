-- One request -> confirm -> use flow of the Hibernate ORM store on PostgreSQL: the store's own seven statements
-- (runtime/.../store/HibernateOrmConfirmationStore.java), in the three transactions it runs them in: request (read the
-- failure count, count the send, insert the confirmation), confirm (read, read the failure count, update), use. What the store binds as parameters is a pgbench variable
-- or now() here; the recipient key and the code hash are 64 hex characters, like the store's HMACs. Every flow has a
-- new recipient, as in the Java flows.
\set n random(1, 1000000000000000)
BEGIN;
SELECT failures, last_failure_at FROM two_factor_failure_count WHERE subject_key = encode(sha256(('r-' || :client_id || '-' || :n)::bytea), 'hex');
INSERT INTO two_factor_send_log AS l (send_key, sent_at, last_sent_at) VALUES (encode(sha256(('r-' || :client_id || '-' || :n)::bytea), 'hex'), (extract(epoch from now()) * 1000)::bigint::text, now()) ON CONFLICT (send_key) DO UPDATE SET sent_at = array_to_string(ARRAY(SELECT s FROM unnest(string_to_array(l.sent_at, ',')::bigint[] || (extract(epoch from now()) * 1000)::bigint) s WHERE s > (extract(epoch from now() - interval '10 minutes') * 1000)::bigint ORDER BY s), ','), last_sent_at = GREATEST(l.last_sent_at, EXCLUDED.last_sent_at) WHERE (SELECT count(*) FROM unnest(string_to_array(l.sent_at, ',')::bigint[]) s WHERE s > (extract(epoch from now() - interval '10 minutes') * 1000)::bigint) < 5;
INSERT INTO two_factor_confirmation (id, status, sender, recipient, meta, code_hash, attempts, created_at, expires_at, last_sent_at, confirmed_at, used_at) VALUES (md5('i-' || :client_id || '-' || :n)::uuid, 'PENDING', 'default', 'user-' || :n || '@bench.example', '{}', encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex'), 0, now(), now() + interval '5 minutes', now(), NULL, NULL);
COMMIT;
BEGIN;
SELECT status, sender, recipient, meta, code_hash, attempts, created_at, expires_at, last_sent_at, confirmed_at, used_at FROM two_factor_confirmation WHERE id = md5('i-' || :client_id || '-' || :n)::uuid;
SELECT failures, last_failure_at FROM two_factor_failure_count WHERE subject_key = encode(sha256(('r-' || :client_id || '-' || :n)::bytea), 'hex');
UPDATE two_factor_confirmation SET status = 'CONFIRMED', confirmed_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'PENDING' AND code_hash = encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex') AND attempts < 5 AND expires_at > now();
COMMIT;
BEGIN;
UPDATE two_factor_confirmation SET status = 'USED', used_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'CONFIRMED' AND expires_at > now();
COMMIT;
