/// The ids of DOMAIN.md §4's rule catalogue, in the registry's sorted order. They are part of the
/// interface: configuration keys, report fields and CI filters use them.
public enum RuleCatalog {
    public static let ids = [
        "CARE001", "CARE002", "CARE003",
        "DC001", "DC002", "DC003", "DC004",
        "DUP001", "DUP002", "DUP003",
        "INPUT001",
        "PEER001", "PEER002", "PEER003", "PEER004",
        "REF001", "REF002", "REF003",
        "TS001", "TS003", "TS004",
        "UNIT001", "UNIT002", "UNIT003",
    ]
}
