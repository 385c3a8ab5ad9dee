import Dispatch

/// Runs independent jobs on all cores and returns their results in input order, so parallel
/// work never changes what a report says.
enum ParallelMap {
    static func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: inputs.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox(inputs: inputs, transform: transform, results: results)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                box.results[index] = box.transform(box.inputs[index])
            }
        }
        // Moved out, not copied: the buffer is deallocated without deinitializing, so a copy
        // would keep every result alive for the rest of the process.
        return (0..<inputs.count).map { (results.baseAddress! + $0).move()! }
    }

    /// Runs `first` and `second` at the same time and returns both results.
    static func pair<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        let results = map([true, false]) { isFirst in isFirst ? Either<A, B>.first(first()) : .second(second()) }
        guard case .first(let a) = results[0], case .second(let b) = results[1] else { preconditionFailure("results out of order") }
        return (a, b)
    }

    private enum Either<A, B> {
        case first(A)
        case second(B)
    }

    /// Each iteration writes its own slot, so sharing the buffer is race-free.
    private struct UncheckedBox<Input, Output>: @unchecked Sendable {
        let inputs: [Input]
        let transform: (Input) -> Output
        let results: UnsafeMutableBufferPointer<Output?>
    }
}
