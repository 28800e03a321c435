-- A client may end its tax agent's contract before the end it was registered with, or end an open-ended one: the
-- ending is kept beside the contract (which is never changed), once per contract, from a day not before the day it is
-- recorded (returns the agent filed under the contract stay filed).
CREATE TABLE agent_contract_ending (
    agent_mst       text        NOT NULL,
    contract_number text        NOT NULL,
    ends_on         date        NOT NULL,
    reason          text        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (agent_mst, contract_number),
    FOREIGN KEY (agent_mst, contract_number) REFERENCES agent_contract
);
