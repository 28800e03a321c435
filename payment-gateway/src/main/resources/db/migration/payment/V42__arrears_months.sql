-- The months whose arrears notices (07/QLN) were all issued. The schedule runs every morning and issues the month
-- before until it is recorded here: a month whose one run on the first was missed (every instance down) or stopped
-- half-way (a database failover) is finished the next morning, not left for an officer to notice.
CREATE TABLE arrears_month (
    month        text        PRIMARY KEY,
    completed_at timestamptz NOT NULL
);
