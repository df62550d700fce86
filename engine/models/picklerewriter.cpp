#include "models/picklerewriter.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kiln {

namespace {

// ---------------------------------------------------------------------------------------------
// Rewriting torch.save's pickle into one LibTorch's Unpickler reads.
//
// Python pickles a state dict as
//     GLOBAL collections.OrderedDict, EMPTY_TUPLE, REDUCE       the dict
//     MARK key value ... SETITEMS                               its items (tensors by REDUCE)
//     EMPTY_DICT '_metadata' OrderedDict(...) SETITEM, BUILD    its attribute dict
// LibTorch 1.13 turns every OrderedDict() into None (it only expects one as the ignored
// backward-hooks argument of torch._utils._rebuild_tensor_v2) and treats BUILD as a call, so it
// fails on the first SETITEMS. The rewrite replaces each `OrderedDict()` construction with
// EMPTY_DICT (harmless for the backward hooks, which the unpickler skips) and drops each BUILD
// applied to such a dict together with the ops that built its state. It also spells APPEND and
// SETITEM, which 1.13 lacks, with MARK + APPENDS / SETITEMS. Everything else is copied byte for
// byte. A memo slot that held the OrderedDict class is re-created with a GLOBAL wherever it is
// read, since the op that stored it may have been dropped.
//
// The walk simulates the pickle machine's stack just far enough to know, for every stack item,
// where in the output its ops begin; that is what lets a construction or a state be cut out.
// Only protocols 0-2 are walked: LibTorch's Unpickler reads nothing newer.
// ---------------------------------------------------------------------------------------------

enum class ArgKind { None, U1, U2, U4, Line, TwoLines, Len1, Len4, Float8 };

struct OpInfo {
    bool known = false;
    ArgKind arg = ArgKind::None;
};

// Opcodes of pickle protocols 0, 1 and 2 (see Python's pickletools) and how their argument is laid
// out in the stream.
const std::array<OpInfo, 256> &opTable()
{
    static const std::array<OpInfo, 256> table = [] {
        std::array<OpInfo, 256> t{};
        auto set = [&t](unsigned char op, ArgKind arg) { t[op] = OpInfo{true, arg}; };
        for (unsigned char op : {'(', '.', '0', '1', '2', 'N', 'Q', 'R', 'a', 'b', 'd', '}', 'e', 'l',
                                 ']', 'o', 's', 't', ')', 'u'})
            set(op, ArgKind::None);
        for (unsigned char op : {0x81, 0x85, 0x86, 0x87, 0x88, 0x89})
            set(op, ArgKind::None);
        for (unsigned char op : {'F', 'I', 'L', 'P', 'S', 'V', 'g', 'p'})
            set(op, ArgKind::Line);
        set('c', ArgKind::TwoLines);
        set('i', ArgKind::TwoLines);
        set('J', ArgKind::U4);
        set('K', ArgKind::U1);
        set('M', ArgKind::U2);
        set('T', ArgKind::Len4);
        set('U', ArgKind::Len1);
        set('X', ArgKind::Len4);
        set('h', ArgKind::U1);
        set('j', ArgKind::U4);
        set('q', ArgKind::U1);
        set('r', ArgKind::U4);
        set('G', ArgKind::Float8);
        set(0x80, ArgKind::U1); // PROTO
        set(0x82, ArgKind::U1); // EXT1
        set(0x83, ArgKind::U2); // EXT2
        set(0x84, ArgKind::U4); // EXT4
        set(0x8a, ArgKind::Len1); // LONG1
        set(0x8b, ArgKind::Len4); // LONG4
        return t;
    }();
    return table;
}

std::uint32_t readLittleEndian(std::string_view bytes)
{
    std::uint32_t v = 0;
    for (std::size_t i = bytes.size(); i-- > 0;)
        v = (v << 8) | static_cast<unsigned char>(bytes[i]);
    return v;
}

class PickleRewriter {
public:
    explicit PickleRewriter(std::string_view in) : m_in(in) {}

    // The rewritten pickle, or an Error whose message says what is wrong with the input.
    Result<std::string> run()
    {
        m_out.reserve(m_in.size());
        while (true) {
            if (m_pos >= m_in.size())
                return Error{"the pickle ends before its STOP opcode (truncated file?)"};
            const std::size_t opStart = m_pos;
            const auto op = static_cast<unsigned char>(m_in[m_pos++]);
            const OpInfo &info = opTable()[op];
            if (!info.known) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", op);
                return Error{std::string("it uses pickle opcode ") + hex + " at byte " + std::to_string(opStart)
                             + ", which LibTorch cannot read (saved with pickle_protocol > 2?)"};
            }
            std::string_view arg;
            if (!readArg(info.arg, arg))
                return Error{"the pickle is truncated inside its opcode at byte " + std::to_string(opStart)};
            m_raw = m_in.substr(opStart, m_pos - opStart);
            m_outBefore = m_out.size();
            m_opStart = opStart;
            bool stop = false;
            if (auto err = step(op, arg, stop); !err.empty())
                return Error{err};
            if (stop) {
                if (m_stack.size() != 1 || !m_marks.empty())
                    return Error{"the pickle does not leave exactly one object"};
                return std::move(m_out);
            }
        }
    }

private:
    enum class Kind { Other, OrderedDictClass, EmptyTuple, RewrittenDict };
    struct Item {
        std::size_t outStart; // m_out.size() before the first op that built this item
        Kind kind;
    };
    struct Mark {
        std::size_t stackSize;
        std::size_t outStart;
    };

    static std::string printable(unsigned char op)
    {
        if (op >= 0x20 && op < 0x7f)
            return std::string(1, static_cast<char>(op));
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02x", op);
        return hex;
    }

    bool take(std::size_t n, std::string_view &out)
    {
        if (m_in.size() - m_pos < n)
            return false;
        out = m_in.substr(m_pos, n);
        m_pos += n;
        return true;
    }

    bool takeLine(std::string_view &out)
    {
        const std::size_t nl = m_in.find('\n', m_pos);
        if (nl == std::string_view::npos)
            return false;
        out = m_in.substr(m_pos, nl + 1 - m_pos);
        m_pos = nl + 1;
        return true;
    }

    bool readArg(ArgKind kind, std::string_view &arg)
    {
        std::string_view len;
        switch (kind) {
        case ArgKind::None:
            return true;
        case ArgKind::U1:
            return take(1, arg);
        case ArgKind::U2:
            return take(2, arg);
        case ArgKind::U4:
            return take(4, arg);
        case ArgKind::Float8:
            return take(8, arg);
        case ArgKind::Line:
            return takeLine(arg);
        case ArgKind::TwoLines: {
            const std::size_t start = m_pos;
            std::string_view a, b;
            if (!takeLine(a) || !takeLine(b))
                return false;
            arg = m_in.substr(start, m_pos - start);
            return true;
        }
        case ArgKind::Len1:
            return take(1, len) && take(readLittleEndian(len), arg);
        case ArgKind::Len4:
            return take(4, len) && take(readLittleEndian(len), arg);
        }
        return false;
    }

    void emit() { m_out.append(m_raw); }
    void push(Kind kind = Kind::Other) { m_stack.push_back({m_outBefore, kind}); }

    // Replaces the top `n` items with one that starts where the deepest of them started.
    bool collapse(std::size_t n, Kind kind = Kind::Other)
    {
        if (m_stack.size() < n)
            return false;
        const std::size_t start = n ? m_stack[m_stack.size() - n].outStart : m_outBefore;
        m_stack.resize(m_stack.size() - n);
        m_stack.push_back({start, kind});
        return true;
    }

    bool popMark(Mark &mark)
    {
        if (m_marks.empty() || m_marks.back().stackSize > m_stack.size())
            return false;
        mark = m_marks.back();
        m_marks.pop_back();
        return true;
    }

    static std::optional<std::uint32_t> memoId(unsigned char op, std::string_view arg)
    {
        if (op == 'g' || op == 'p') { // text form: decimal digits and a newline
            std::uint32_t id = 0;
            const auto res = std::from_chars(arg.data(), arg.data() + arg.size() - 1, id);
            if (res.ec != std::errc())
                return std::nullopt;
            return id;
        }
        return readLittleEndian(arg);
    }

    // Interprets one opcode; returns an empty string or what is wrong.
    std::string step(unsigned char op, std::string_view arg, bool &stop)
    {
        static const std::string_view kOrderedDict = "collections\nOrderedDict\n";
        const std::string malformed = "its pickle is malformed at byte " + std::to_string(m_opStart) + " (opcode '"
                                      + printable(op) + "')";
        switch (op) {
        case 0x80: // PROTO
            if (static_cast<unsigned char>(arg[0]) != 2)
                return "it was pickled with protocol " + std::to_string(static_cast<unsigned char>(arg[0]))
                       + "; LibTorch reads only protocol 2, torch.save's default (save without pickle_protocol=)";
            emit();
            return {};
        case '.': // STOP
            emit();
            stop = true;
            return {};
        case '(': // MARK
            m_marks.push_back({m_stack.size(), m_outBefore});
            emit();
            return {};
        case 'c': // GLOBAL
            if (arg == "torch._utils\n_rebuild_parameter\n")
                return "it holds nn.Parameter objects (as dict(model.named_parameters()) does), which LibTorch "
                       "cannot read; save model.state_dict() instead";
            emit();
            push(arg == kOrderedDict ? Kind::OrderedDictClass : Kind::Other);
            return {};
        case 'g': // GET
        case 'h': // BINGET
        case 'j': { // LONG_BINGET
            const auto id = memoId(op, arg);
            if (!id)
                return malformed;
            if (m_classMemo.count(*id)) {
                m_out.append("c").append(kOrderedDict);
                push(Kind::OrderedDictClass);
            } else {
                emit();
                push();
            }
            return {};
        }
        case 'p': // PUT
        case 'q': // BINPUT
        case 'r': { // LONG_BINPUT
            const auto id = memoId(op, arg);
            if (!id || m_stack.empty())
                return malformed;
            if (m_stack.back().kind == Kind::OrderedDictClass)
                m_classMemo.insert(*id);
            else
                m_classMemo.erase(*id);
            emit();
            return {};
        }
        case ')': // EMPTY_TUPLE
            emit();
            push(Kind::EmptyTuple);
            return {};
        case 'R':    // REDUCE
        case 0x81: { // NEWOBJ
            if (m_stack.size() < 2)
                return malformed;
            const Item callable = m_stack[m_stack.size() - 2];
            const Item args = m_stack.back();
            if (op == 'R' && callable.kind == Kind::OrderedDictClass && args.kind == Kind::EmptyTuple) {
                m_out.resize(callable.outStart);
                m_out.push_back('}'); // EMPTY_DICT
                return collapse(2, Kind::RewrittenDict) ? std::string() : malformed;
            }
            emit();
            return collapse(2) ? std::string() : malformed;
        }
        case 'b': { // BUILD
            if (m_stack.size() < 2)
                return malformed;
            const Item state = m_stack.back();
            m_stack.pop_back();
            if (m_stack.back().kind == Kind::RewrittenDict)
                m_out.resize(state.outStart); // an OrderedDict's attributes (_metadata): drop them
            else
                emit();
            return {};
        }
        case '0': // POP
            if (m_stack.empty())
                return malformed;
            m_stack.pop_back();
            emit();
            return {};
        case '2': // DUP
            if (m_stack.empty())
                return malformed;
            emit();
            push(m_stack.back().kind);
            return {};
        case 'Q':  // BINPERSID
        case 0x85: // TUPLE1
            emit();
            return collapse(1) ? std::string() : malformed;
        case 0x86: // TUPLE2
            emit();
            return collapse(2) ? std::string() : malformed;
        case 0x87: // TUPLE3
            emit();
            return collapse(3) ? std::string() : malformed;
        case 'a':   // APPEND
        case 's': { // SETITEM
            // LibTorch 1.13 knows only the MARK-based forms: `x a` becomes `( x e` (APPENDS) and
            // `k v s` becomes `( k v u` (SETITEMS). Python writes the short forms for one-item
            // containers, so a state dict with a single tensor needs this.
            const std::size_t n = op == 'a' ? 1 : 2;
            if (m_stack.size() < n + 1)
                return malformed;
            const std::size_t first = m_stack[m_stack.size() - n].outStart;
            m_stack.resize(m_stack.size() - n);
            if (!m_marks.empty() && m_marks.back().stackSize > m_stack.size())
                return malformed;
            m_out.insert(first, 1, '('); // MARK
            m_out.push_back(op == 'a' ? 'e' : 'u');
            return {};
        }
        case '1': // POP_MARK
        case 'e': // APPENDS
        case 'u': { // SETITEMS
            Mark mark;
            if (!popMark(mark) || (op != '1' && mark.stackSize == 0))
                return malformed;
            m_stack.resize(mark.stackSize);
            emit();
            return {};
        }
        case 'd': // DICT
        case 'l': // LIST
        case 't': // TUPLE
        case 'i': // INST
        case 'o': { // OBJ
            Mark mark;
            if (!popMark(mark))
                return malformed;
            const bool empty = m_stack.size() == mark.stackSize;
            m_stack.resize(mark.stackSize);
            m_stack.push_back({mark.outStart, op == 't' && empty ? Kind::EmptyTuple : Kind::Other});
            emit();
            return {};
        }
        default: // every other known opcode pushes one plain value
            emit();
            push();
            return {};
        }
    }

    std::string_view m_in;
    std::size_t m_pos = 0;
    std::size_t m_opStart = 0;   // where the opcode being interpreted starts in m_in
    std::string_view m_raw;      // its bytes
    std::size_t m_outBefore = 0; // m_out.size() before it
    std::string m_out;
    std::vector<Item> m_stack;
    std::vector<Mark> m_marks;
    std::unordered_set<std::uint32_t> m_classMemo; // memo slots holding collections.OrderedDict
};

} // namespace

Result<std::string> rewriteTorchSavePickle(std::string_view pickle)
{
    return PickleRewriter(pickle).run();
}

} // namespace kiln
