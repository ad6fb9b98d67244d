/// A sparse feature vector: indices ascending, one value each.
struct SparseVector: Equatable, Sendable {
  var indices: [Int32]
  var values: [Double]

  init(indices: [Int32] = [], values: [Double] = []) {
    self.indices = indices
    self.values = values
  }

  /// The dot product with a dense weight vector.
  @inline(__always)
  func dot(_ weights: UnsafeBufferPointer<Double>) -> Double {
    var sum = 0.0
    for k in indices.indices { sum += values[k] * weights[Int(indices[k])] }
    return sum
  }
}

/// Rows of sparse vectors packed into one compressed sparse row (CSR) matrix, for training.
struct SparseMatrix: Sendable {
  var rowStarts: [Int]
  var indices: [Int32]
  var values: [Double]
  var columns: Int

  var rows: Int { rowStarts.count - 1 }

  init(rows: [SparseVector], columns: Int) {
    self.columns = columns
    rowStarts = [0]
    rowStarts.reserveCapacity(rows.count + 1)
    indices = []
    values = []
    for row in rows {
      indices += row.indices
      values += row.values
      rowStarts.append(indices.count)
    }
  }
}
