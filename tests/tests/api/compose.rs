//! `docker-compose.yml` agrees with what the server reads (Docker does not
//! run here, so the file is checked by parsing it).

use atvejis_api::config::ENV_VARS;
use serde_norway::Value;

fn compose() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docker-compose.yml");
    serde_norway::from_str(&std::fs::read_to_string(path).expect("docker-compose.yml"))
        .expect("valid YAML")
}

fn env_of(service: &Value) -> Vec<(String, String)> {
    match &service["environment"] {
        Value::Mapping(map) => map
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => String::new(),
                };
                (k.as_str().unwrap().to_owned(), value)
            })
            .collect(),
        Value::Sequence(list) => list
            .iter()
            .map(|item| {
                let (k, v) = item.as_str().unwrap().split_once('=').unwrap();
                (k.to_owned(), v.to_owned())
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn compose_runs_postgres_16_and_the_api_against_it() {
    let doc = compose();
    let services = &doc["services"];
    let db = &services["db"];
    assert!(
        db["image"].as_str().unwrap().starts_with("postgres:16"),
        "PostgreSQL 16"
    );
    let volumes = db["volumes"].as_sequence().expect("db has a volume");
    let volume = volumes[0].as_str().unwrap();
    assert!(volume.ends_with(":/var/lib/postgresql/data"), "{volume}");
    let named = volume.split(':').next().unwrap();
    assert!(
        doc["volumes"][named].is_mapping() || doc["volumes"][named].is_null(),
        "volume {named} declared"
    );
    assert!(doc["volumes"].as_mapping().unwrap().contains_key(named));
    let db_env = env_of(db);
    let pg = |k: &str| {
        db_env
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };

    let api = &services["api"];
    assert_eq!(api["build"]["dockerfile"].as_str(), Some("Dockerfile"));
    let api_env = env_of(api);
    let known: Vec<&str> = ENV_VARS.iter().map(|v| v.name).collect();
    for (name, _) in &api_env {
        assert!(
            known.contains(&name.as_str()),
            "{name} is not read by the server"
        );
    }
    let get = |k: &str| api_env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let url = get("DATABASE_URL").expect("DATABASE_URL set");
    assert_eq!(
        url,
        format!(
            "postgres://{}:{}@db:5432/{}",
            pg("POSTGRES_USER"),
            pg("POSTGRES_PASSWORD"),
            pg("POSTGRES_DB")
        ),
        "DATABASE_URL points at the db service"
    );
    assert!(
        get("ATVEJIS_JWT_SECRET").is_some(),
        "production needs a JWT key"
    );
    let bind = get("ATVEJIS_BIND").expect("ATVEJIS_BIND set");
    let port = bind.rsplit(':').next().unwrap();
    assert!(
        bind.starts_with("0.0.0.0:"),
        "listen on all interfaces inside the container"
    );
    let ports: Vec<&str> = api["ports"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        ports.iter().any(|p| p.ends_with(&format!(":{port}"))),
        "{ports:?} publish {port}"
    );
    assert_eq!(
        get("ATVEJIS_STATIC_DIR").as_deref(),
        Some("/app/frontend/dist")
    );
    assert_eq!(get("ATVEJIS_DEMO").as_deref().unwrap_or("0"), "0");
    assert!(api["depends_on"]["db"]["condition"].as_str() == Some("service_healthy"));
    assert!(db["healthcheck"].is_mapping());
}

#[test]
fn dockerfile_is_multi_stage_and_serves_the_spa() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../Dockerfile");
    let dockerfile = std::fs::read_to_string(path).expect("Dockerfile");
    let stages = dockerfile
        .lines()
        .filter(|l| l.trim_start().to_uppercase().starts_with("FROM "))
        .count();
    assert!(stages >= 3, "frontend, rust and runtime stages");
    assert!(dockerfile.contains("/app/frontend/dist"));
    assert!(
        dockerfile.contains("USER "),
        "the runtime does not run as root"
    );
}

#[test]
fn readme_documents_every_env_var() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    for var in ENV_VARS {
        assert!(
            readme.contains(&format!("`{}`", var.name)),
            "README.md lacks {}",
            var.name
        );
        if !var.default.is_empty() {
            assert!(
                readme.contains(&format!("| `{}` | `{}` |", var.name, var.default)),
                "README.md gives another default for {}",
                var.name
            );
        }
    }
    assert!(readme.contains("make run") && readme.contains("make test"));
}
