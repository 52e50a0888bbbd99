-- One request -> confirm -> use flow of the Hibernate ORM store on PostgreSQL: the five statements its SQL log shows
-- (quarkus.hibernate-orm.log.sql=true; the two updates are the store's own SQL, the rest Hibernate's), each in its own
-- transaction as the store runs them. What the store binds as
-- parameters is a pgbench variable or now() here; the recipient key and the code hash are 64 hex characters, like the
-- store's HMACs. Every flow has a new recipient, as in the Java flows.
\set n random(1, 1000000000000000)
BEGIN;
insert into two_factor_send_window as swe1_0(recipient_key, window_start, send_count) values (encode(sha256(('r-' || :client_id || '-' || :n)::bytea), 'hex'), now(), 1) on conflict(recipient_key) do update set send_count=case when swe1_0.window_start<=now() - interval '10 minutes' then 1 else (swe1_0.send_count+1) end, window_start=case when swe1_0.window_start<=now() - interval '10 minutes' then now() else swe1_0.window_start end where swe1_0.window_start<=now() - interval '10 minutes' or swe1_0.send_count<5;
COMMIT;
BEGIN;
insert into two_factor_confirmation (attempts, code_hash, confirmed_at, created_at, expires_at, last_sent_at, meta, recipient, sender, status, used_at, id) values (0, encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex'), null, now(), now() + interval '5 minutes', now(), '{}', 'user-' || :n || '@bench.example', 'default', 'PENDING', null, md5('i-' || :client_id || '-' || :n)::uuid);
COMMIT;
BEGIN;
select ce1_0.id, ce1_0.attempts, ce1_0.code_hash, ce1_0.confirmed_at, ce1_0.created_at, ce1_0.expires_at, ce1_0.last_sent_at, ce1_0.meta, ce1_0.recipient, ce1_0.sender, ce1_0.status, ce1_0.used_at from two_factor_confirmation ce1_0 where ce1_0.id=md5('i-' || :client_id || '-' || :n)::uuid;
COMMIT;
BEGIN;
UPDATE two_factor_confirmation SET status = 'CONFIRMED', confirmed_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'PENDING' AND code_hash = encode(sha256(('c-' || :client_id || '-' || :n)::bytea), 'hex') AND attempts < 5 AND expires_at > now();
COMMIT;
BEGIN;
UPDATE two_factor_confirmation SET status = 'USED', used_at = now() WHERE id = md5('i-' || :client_id || '-' || :n)::uuid AND status = 'CONFIRMED' AND expires_at > now();
COMMIT;
