-- The floor of issue 20: the least a registration can cost in PostgreSQL on this machine. Its own schema
-- (floor) in the bench database, so nothing of the service's schema is touched: a person, a registration, two
-- session links, an outbox row, and two seat counters kept with the sessions (taken < capacity), in one
-- statement and one commit (floor-tx.sql). psql variable :sessions (run-floor.sh sets it).
DROP SCHEMA IF EXISTS floor CASCADE;
CREATE SCHEMA floor;
CREATE TABLE floor.seat (session_id bigint PRIMARY KEY, capacity int NOT NULL, taken int NOT NULL DEFAULT 0);
CREATE TABLE floor.person (id bigserial PRIMARY KEY, email varchar(254) NOT NULL UNIQUE, first_name varchar(100),
                           last_name varchar(100), created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE floor.registration (id bigserial PRIMARY KEY, person_id bigint NOT NULL, status varchar(20) NOT NULL,
                                 created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE floor.registration_session (registration_id bigint NOT NULL, session_id bigint NOT NULL,
                                         PRIMARY KEY (registration_id, session_id));
CREATE TABLE floor.outbox (id bigserial PRIMARY KEY, registration_id bigint NOT NULL, kind varchar(20) NOT NULL,
                           created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO floor.seat (session_id, capacity) SELECT g, 1000000000 FROM generate_series(1, :sessions) g;
