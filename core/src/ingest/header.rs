//! Header names: what each column is for (its [`Role`]), recognised in any case and spacing and
//! under the synonyms exports use (`Customer ID`, `user_id`, `created_at`, `MRR`, …).

use std::fmt;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Raw activity: who.
    Customer,
    /// Raw activity: when.
    Date,
    /// Raw activity: how much (optional).
    Amount,
    /// Cohort tables: the cohort's label.
    Cohort,
    /// Long cohort table: periods since the cohort started (0, 1, …) or a calendar period.
    Period,
    /// Long cohort table: customers active.
    Active,
    /// Cohort and period tables: revenue (optional).
    Revenue,
    /// Wide cohort table: the cohort's size (optional when period 0 is a count).
    Size,
    /// Period table: the period's label.
    Label,
    Start,
    New,
    End,
    Lost,
}

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Date => "date",
            Role::Amount => "amount",
            Role::Cohort => "cohort",
            Role::Period => "period",
            Role::Active => "active",
            Role::Revenue => "revenue",
            Role::Size => "size",
            Role::Label => "label",
            Role::Start => "start",
            Role::New => "new",
            Role::End => "end",
            Role::Lost => "lost",
        }
    }

    /// Header names (normalised, see [`normalize`]) that mean this role, best first.
    pub fn synonyms(self) -> &'static [&'static str] {
        match self {
            Role::Customer => &[
                "customer_id",
                "customer",
                "user_id",
                "user",
                "account_id",
                "account",
                "client_id",
                "client",
                "id",
                "customerid",
                "userid",
                "accountid",
                "clientid",
                "cust_id",
                "member_id",
                "member",
                "subscriber_id",
                "subscriber",
                "buyer_id",
                "buyer",
                "contact_id",
                "email",
                "customer_email",
                "uid",
                "customer_number",
                "customer_no",
            ],
            Role::Date => &[
                "date",
                "event_date",
                "timestamp",
                "created_at",
                "time",
                "day",
                "datetime",
                "event_time",
                "event_timestamp",
                "occurred_at",
                "order_date",
                "purchase_date",
                "transaction_date",
                "invoice_date",
                "payment_date",
                "paid_at",
                "activity_date",
                "created",
                "ts",
                "when",
                "date_time",
            ],
            Role::Amount => &[
                "amount",
                "revenue",
                "mrr",
                "value",
                "price",
                "total",
                "sales",
                "spend",
                "payment",
                "paid",
                "net_amount",
                "order_total",
                "amount_paid",
                "gross",
                "net",
                "sum",
                "arr",
            ],
            Role::Cohort => &[
                "cohort",
                "cohort_month",
                "cohort_week",
                "cohort_quarter",
                "cohort_date",
                "cohort_label",
                "cohort_period",
                "signup_month",
                "signup_week",
                "signup_date",
                "first_month",
                "first_period",
                "acquisition_month",
                "acquisition_date",
                "start_month",
                "join_month",
            ],
            Role::Period => &[
                "period",
                "period_number",
                "period_index",
                "periods_since",
                "period_offset",
                "months_since",
                "months_since_start",
                "months_since_signup",
                "month_number",
                "month_index",
                "weeks_since",
                "week_number",
                "age",
                "offset",
                "tenure",
                "k",
                "activity_month",
                "activity_period",
                "month",
                "week",
                "quarter",
            ],
            Role::Active => &[
                "active",
                "active_customers",
                "active_users",
                "retained",
                "retained_customers",
                "retained_users",
                "customers",
                "users",
                "count",
                "active_count",
                "n_active",
                "accounts",
            ],
            Role::Revenue => &["revenue", "mrr", "amount", "value", "sales", "arr"],
            Role::Size => &[
                "size",
                "cohort_size",
                "new_customers",
                "new_users",
                "signups",
                "initial",
                "customers",
                "users",
                "n",
                "total",
            ],
            Role::Label => &[
                "period", "label", "month", "week", "quarter", "year", "date", "name",
            ],
            Role::Start => &[
                "start",
                "start_customers",
                "customers_start",
                "starting_customers",
                "beginning",
                "opening",
                "begin",
                "s",
                "customers_at_start",
                "start_of_period",
            ],
            Role::New => &[
                "new",
                "new_customers",
                "won",
                "gained",
                "acquired",
                "added",
                "new_users",
                "customers_won",
            ],
            Role::End => &[
                "end",
                "end_customers",
                "customers_end",
                "ending_customers",
                "closing",
                "ending",
                "e",
                "customers_at_end",
                "end_of_period",
                "total_customers",
            ],
            Role::Lost => &[
                "lost",
                "churned",
                "churn",
                "lost_customers",
                "churned_customers",
                "cancelled",
                "canceled",
                "customers_lost",
            ],
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A header name reduced for comparison: trimmed, lowercase, BOM and quotes dropped, runs of
/// spaces, `-`, `.`, `/` and `_` made one `_` (`Customer ID` → `customer_id`), a camel-case
/// boundary too (`customerId` → `customer_id`), and a trailing unit in brackets dropped
/// (`Amount (USD)` → `amount`).
pub fn normalize(name: &str) -> String {
    let name = name.trim_start_matches('\u{feff}');
    let name = match name.find(['(', '[']) {
        Some(at) if at > 0 => name.get(..at).unwrap_or(name),
        _ => name,
    };
    let mut out = String::with_capacity(name.len());
    let mut previous_lower = false;
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && previous_lower {
                out.push('_');
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
            out.extend(c.to_lowercase());
        } else if matches!(c, ' ' | '_' | '-' | '.' | '/' | '\t' | '#') {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = false;
        } else {
            previous_lower = false;
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The rank of `name` among `role`'s synonyms (lower is better), if it is one.
pub fn rank(role: Role, name: &str) -> Option<usize> {
    let n = normalize(name);
    role.synonyms().iter().position(|s| *s == n)
}

/// The column (0-based) whose header best names `role`, skipping columns in `taken`.
pub fn find(header: &[String], role: Role, taken: &[usize]) -> Option<usize> {
    header
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.contains(i))
        .filter_map(|(i, h)| rank(role, h).map(|r| (r, i)))
        .min()
        .map(|(_, i)| i)
}

/// Whether a wide table's header cell names a period column: `0`, `3`, `Month 0`, `M1`,
/// `week_2`, `Period 10`, `P3`, `+1`, or a calendar label or date.
pub fn period_column_index(name: &str) -> Option<u32> {
    let n = normalize(name);
    let digits_start = n.find(|c: char| c.is_ascii_digit())?;
    let (prefix, number) = n.split_at_checked(digits_start)?;
    let prefix = prefix.trim_end_matches('_');
    let known = [
        "",
        "m",
        "w",
        "q",
        "p",
        "d",
        "month",
        "week",
        "quarter",
        "period",
        "day",
        "months",
        "weeks",
        "periods",
        "month_since",
        "period_since",
        "age",
    ];
    if !known.contains(&prefix) || number.len() > 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize(" Customer ID "), "customer_id");
        assert_eq!(normalize("\u{feff}customer_id"), "customer_id");
        assert_eq!(normalize("customerId"), "customer_id");
        assert_eq!(normalize("CUSTOMER-ID"), "customer_id");
        assert_eq!(normalize("Amount (USD)"), "amount");
        assert_eq!(normalize("Event  Date"), "event_date");
        assert_eq!(normalize("user.id"), "user_id");
    }

    #[test]
    fn synonyms_in_any_case() {
        let header = h(&["User", "Created At", "MRR"]);
        assert_eq!(find(&header, Role::Customer, &[]), Some(0));
        assert_eq!(find(&header, Role::Date, &[]), Some(1));
        assert_eq!(find(&header, Role::Amount, &[]), Some(2));
        let header = h(&["ID", "Timestamp", "Value"]);
        assert_eq!(find(&header, Role::Customer, &[]), Some(0));
        assert_eq!(find(&header, Role::Date, &[]), Some(1));
        assert_eq!(find(&header, Role::Amount, &[]), Some(2));
        for name in [
            "customer",
            "customer_id",
            "user",
            "user_id",
            "account",
            "account_id",
            "client",
            "id",
        ] {
            assert!(rank(Role::Customer, name).is_some(), "{name}");
        }
        for name in [
            "date",
            "timestamp",
            "created_at",
            "event_date",
            "time",
            "day",
        ] {
            assert!(rank(Role::Date, name).is_some(), "{name}");
        }
        for name in ["amount", "revenue", "mrr", "value", "price"] {
            assert!(rank(Role::Amount, name).is_some(), "{name}");
        }
    }

    #[test]
    fn best_synonym_wins_and_taken_columns_are_skipped() {
        let header = h(&["id", "customer_id", "date"]);
        assert_eq!(find(&header, Role::Customer, &[]), Some(1));
        assert_eq!(find(&header, Role::Customer, &[1]), Some(0));
    }

    #[test]
    fn period_columns() {
        assert_eq!(period_column_index("0"), Some(0));
        assert_eq!(period_column_index("Month 3"), Some(3));
        assert_eq!(period_column_index("M12"), Some(12));
        assert_eq!(period_column_index("week_2"), Some(2));
        assert_eq!(period_column_index("Size"), None);
        assert_eq!(period_column_index("2024-03"), None);
        assert_eq!(period_column_index("Q3 revenue"), None);
    }
}
