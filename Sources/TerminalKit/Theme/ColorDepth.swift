/// Colour downgrades: truecolor → the 256-colour palette → the 16 basic colours.
public enum ColorDepth {
    /// The nearest entry of the xterm 256-colour cube or grey ramp.
    public static func indexed(r: UInt8, g: UInt8, b: UInt8) -> Int {
        func level(_ value: UInt8) -> Int { value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grey = average > 238 ? 255 : 232 + max(0, (average - 3) / 10)
        func distance(_ index: Int) -> Int {
            let (cr, cg, cb) = rgb(ofIndexed: index)
            return (cr - Int(r)) * (cr - Int(r)) + (cg - Int(g)) * (cg - Int(g)) + (cb - Int(b)) * (cb - Int(b))
        }
        return distance(grey) < distance(cube) ? grey : cube
    }

    /// xterm's 16 basic colours as RGB, for the nearest match.
    static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The nearest of the 16 basic colours to a palette entry.
    public static func basic(fromIndexed index: Int) -> Int {
        if index < 16 { return index }
        let (r, g, b) = rgb(ofIndexed: index)
        func distance(_ entry: (Int, Int, Int)) -> Int {
            (entry.0 - r) * (entry.0 - r) + (entry.1 - g) * (entry.1 - g) + (entry.2 - b) * (entry.2 - b)
        }
        return basicRGB.indices.min { distance(basicRGB[$0]) < distance(basicRGB[$1]) }!
    }

    /// The colour of a palette entry (16–255) as RGB.
    public static func rgb(ofIndexed index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let value = 8 + (index - 232) * 10
            return (value, value, value)
        }
        let cube = max(0, index - 16)
        func value(_ level: Int) -> Int { level == 0 ? 0 : 55 + level * 40 }
        return (value(cube / 36), value(cube / 6 % 6), value(cube % 6))
    }
}
