//! Places and fair queues (R-Q-1..5, R-LIM-7, R-DL-5): `/api/v1/facilities`,
//! `/api/v1/queue-entries`, `/api/v1/offers`, `/api/v1/stays`. The division
//! (`division_specialist`) manages them; the division head and social
//! workers read them; social workers and the division record arrivals at
//! the overnight shelter.

pub mod facilities;
pub mod offers;
pub mod queue_entries;
pub mod stays;
