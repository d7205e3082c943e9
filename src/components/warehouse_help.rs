//! "Bring your own warehouse": the SQL that reduces an event table to a long cohort table the
//! panel reads, for DuckDB and PostgreSQL (the two dialects `bench/check_warehouse_sql.py` checks
//! against the core; more in docs/warehouse.md). SQL is code, shown as text, not translated.

use yew::prelude::*;

use crate::i18n::csv::{text, Key};
use crate::i18n::Lang;

const DUCKDB: &str = "WITH monthly AS (
    SELECT customer_id,
           date_trunc('month', event_date)::DATE AS month,
           coalesce(sum(amount), 0) AS revenue
    FROM events
    GROUP BY ALL
),
firsts AS (
    SELECT customer_id, min(month) AS cohort
    FROM monthly
    GROUP BY ALL
)
SELECT strftime(f.cohort, '%Y-%m') AS cohort,
       date_diff('month', f.cohort, m.month) AS period,
       count(*) AS active,
       sum(m.revenue) AS revenue
FROM monthly m
JOIN firsts f USING (customer_id)
GROUP BY ALL
ORDER BY 1, 2;";

const POSTGRES: &str = "WITH monthly AS (
    SELECT customer_id,
           date_trunc('month', event_date)::date AS month,
           coalesce(sum(amount), 0) AS revenue
    FROM events
    GROUP BY 1, 2
),
firsts AS (
    SELECT customer_id, min(month) AS cohort
    FROM monthly
    GROUP BY 1
)
SELECT to_char(f.cohort, 'YYYY-MM') AS cohort,
       ((extract(year FROM m.month) - extract(year FROM f.cohort)) * 12
         + extract(month FROM m.month) - extract(month FROM f.cohort))::int AS period,
       count(*) AS active,
       sum(m.revenue) AS revenue
FROM monthly m
JOIN firsts f USING (customer_id)
GROUP BY 1, 2
ORDER BY 1, 2;";

#[function_component(WarehouseHelp)]
pub fn warehouse_help() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    html! {
        <details class="explain warehouse" id="csv-warehouse">
            <summary>{ t(Key::WarehouseHeading) }</summary>
            <p>{ t(Key::WarehouseIntro) }</p>
            <h3>{ "DuckDB" }</h3>
            <pre tabindex="0"><code>{ DUCKDB }</code></pre>
            <h3>{ "PostgreSQL" }</h3>
            <pre tabindex="0"><code>{ POSTGRES }</code></pre>
            <p class="help">{ t(Key::WarehouseMore) }</p>
        </details>
    }
}
