package id.amk.cases.casefile.api;

public enum RiskLevel {
    LOW, MEDIUM, HIGH, URGENT
}
