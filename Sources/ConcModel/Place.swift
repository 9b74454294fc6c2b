/// A storage location as a structured access path: a root binding and the field, element and
/// dereference steps taken from it (`s.peers[k].addr` → root `s`, `.peers`, element, `.addr`).
///
/// Front ends fill it on accesses, lock operations, critical sections, channel operations, calls
/// and waits, so that rules and summaries never parse `*p`, `.field`, `[i]` or `self.` out of the
/// text as written.
public struct Place: Hashable, Sendable {
    /// One step from the root.
    public enum Component: Hashable, Sendable {
        /// A named field or stored property (`.mu`, `.peers`).
        case field(String)
        /// An element of a collection (`[i]`, `[k]`).
        case element
        /// Through a pointer (`*p`).
        case dereference
    }

    /// The binding the path starts at. For a Swift stored property reached through implicit or
    /// explicit `self`, the property's own binding (``Binding/Kind/property``).
    public var root: BindingID
    public var components: [Component]

    public init(root: BindingID, components: [Component] = []) {
        self.root = root
        self.components = components
    }

    /// The field names up to the first element step: `s.peers[k].addr` → `["peers"]`. What a
    /// lock discipline is inferred for: the element's own fields belong to another object.
    public var leadingFields: [String] {
        var result: [String] = []
        for component in components {
            switch component {
            case .field(let name): result.append(name)
            case .element: return result
            case .dereference: continue
            }
        }
        return result
    }

    /// Whether some step goes into a collection element.
    public var reachesElement: Bool { components.contains(.element) }
}
